import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings, type LogSink } from './kafka-config.js';
import { KafkaEventSource } from './kafka-event-source.js';
import type { PortfolioEventSource } from './event-source.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { PostgresLogEventSource } from './postgres-log-event-source.js';
import { ensureTopics } from './topics-admin.js';

/** A check `/health` runs: the transport's broker, when there is one. */
export interface TransportHealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * The event source an event-reading app uses: Kafka (its topics ensured) when settings are given, else
 * the event store's own log; with the broker's health check when on Kafka. Parked messages live in
 * `parkingDataSource` (its parking migrations must have run). The Kafka client is answered too (for metrics).
 */
export async function portfolioEventSourceFromSettings(options: {
  kafka: KafkaSettings | undefined;
  consumerGroup: string;
  eventStore: DataSource;
  parkingDataSource: DataSource;
  log: LogSink;
  /** KafkaEventSourceOptions.fetchAhead (Kafka only). */
  fetchAhead?: boolean;
}): Promise<{ source: PortfolioEventSource; parked: ParkedMessageStore; healthChecks: TransportHealthCheck[]; kafka?: Kafka }> {
  const parked = new ParkedMessageStore(options.parkingDataSource);
  if (!options.kafka) {
    return {
      source: new PostgresLogEventSource(options.eventStore, { name: `consumer:${options.consumerGroup}`, parked, log: options.log }),
      parked,
      healthChecks: [],
    };
  }
  const kafka = createKafka(options.kafka, options.log);
  await ensureTopics(kafka, options.kafka, undefined, options.log);
  const admin = kafka.admin();
  const kafkaCheck: TransportHealthCheck = {
    name: 'kafka',
    check: async () => {
      await admin.connect();
      await admin.describeCluster();
    },
  };
  return {
    source: new KafkaEventSource(kafka, options.kafka, {
      groupId: options.consumerGroup,
      parked,
      log: options.log,
      ...(options.fetchAhead === undefined ? {} : { fetchAhead: options.fetchAhead }),
    }),
    parked,
    healthChecks: [kafkaCheck],
    kafka,
  };
}
