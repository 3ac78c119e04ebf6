import { DEAD_LETTER_TOPIC, decodeCloudEvent, EVENT_TOPICS, upcast } from '@ecab/contracts';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { BatchHandler, PortfolioEventSource } from './event-source.js';
import type { KafkaSettings, LogSink } from './kafka-config.js';
import { decodeWireMessage } from './parking/event-wire.js';
import { GatheredCalls } from './parking/gathered-calls.js';
import type { ParkedMessageStore, RetryOutcome, WireMessage } from './parking/parked-message-store.js';
import { SequencedParking, type Delivery, type PoisonReport } from './parking/sequenced-parking.js';
import { prefixed } from './topics-admin.js';
import { whileABrokerIsAway } from './while-a-broker-is-away.js';

export interface KafkaEventSourceOptions {
  groupId: string;
  /** Defaults to every event topic (all clusters and the programme). */
  topics?: readonly string[];
  /** How often one event is tried on its own before it is parked. */
  maxAttempts?: number;
  parked: ParkedMessageStore;
  log: LogSink;
  /**
   * Partitions whose batches are handed over at once (default DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY:
   * every partition of a fetch). A subject's events share a partition, so each project's order holds; the
   * batches handed over together are applied together (SequencedParking gathers them), so a fetch of many
   * partitions with an event or two each costs one transaction, not one a partition.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * At most this many events a transaction of the projection (default 1000): a fetched batch of a
   * partition is applied in slices of this size, each slice's offset committed after it.
   */
  maxEventsPerApply?: number;
  /**
   * What one fetch may bring (default 1 MiB; kafkajs' 10 MiB kept several thousand decoded events of
   * every partition in memory at once during a catch-up), and of one partition (default 256 KiB). The
   * bytes are compressed: a fetch's decoded messages take many times more heap, all held until its
   * batches are applied (during a catch-up the heap after a full collection peaked ~20 MB lower than
   * with 2 MiB and 512 KiB). The broker still answers a record batch larger than these whole, so
   * nothing stalls.
   */
  maxBytes?: number;
  maxBytesPerPartition?: number;
}

/** The copy of a parked message this consumer sent to the dead-letter topic: where it was read, its project, why. */
export interface DeadLetterCopy {
  origin: string;
  subject: string;
  error: string;
}

const DEFAULT_MAX_EVENTS_PER_APPLY = 1000;
/**
 * At least the partitions of every topic a consumer reads (7 clusters' topics of 6 partitions by default):
 * with 3, a fetch's batches were applied three at a time, one group after another, and under live load
 * each group cost as much as a whole fetch's would (measured: command → visible at 100 commands/s, p50
 * ~2 s with 3, ~0.9 s with 64, and a third of the consumers' CPU a command).
 */
export const DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY = 64;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_BYTES_PER_PARTITION = 256 * 1024;

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

function toWire(message: KafkaMessage): WireMessage {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = headerText(message.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  return { key: message.key?.toString() ?? null, value: message.value?.toString('base64') ?? null, headers };
}

/**
 * A fetched message as a delivery: decoded from the fetched bytes; its wire form made only if it is
 * parked or copied to the dead-letter topic. A message without `ce_type` (an event in the stored form)
 * decodes through its wire form, as a parked one does.
 */
function deliveryOf(message: KafkaMessage, origin: string): Delivery {
  let wire: WireMessage | undefined;
  const wireForm = (): WireMessage => (wire ??= toWire(message));
  return {
    subject: headerText(message.headers, 'ce_subject') ?? message.key?.toString() ?? '(no subject)',
    origin,
    get message() {
      return wireForm();
    },
    decode: () =>
      message.headers?.ce_type === undefined
        ? decodeWireMessage(wireForm())
        : upcast(decodeCloudEvent({ key: message.key, value: message.value, headers: message.headers ?? {} })),
  };
}

/**
 * A thin Kafka consumer: decodes CloudEvents and hands batches to the projection. Offsets are
 * committed only after the handler's transaction committed (and poison messages were parked); a
 * redelivered batch is harmless because the handler skips stream versions it already applied.
 */
export class KafkaEventSource implements PortfolioEventSource {
  readonly transport = 'kafka' as const;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly poisoned: DeadLetterCopy[] = [];
  private parking: SequencedParking | undefined;
  /**
   * The offsets of the partitions' slices applied together, committed in one request: each partition's own
   * commit cost the broker and this process a request per partition of every fetch.
   */
  private readonly commits = new GatheredCalls<TopicPartitionOffsetAndMetadata>((offsets) => this.consumer.commitOffsets(offsets), Number.POSITIVE_INFINITY);

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaEventSourceOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxBytesPerPartition: options.maxBytesPerPartition ?? DEFAULT_MAX_BYTES_PER_PARTITION,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  /** The poison messages this instance parked and copied to the dead-letter topic since it started. */
  get deadLettered(): readonly DeadLetterCopy[] {
    return this.poisoned;
  }

  get consumerName(): string {
    return this.options.groupId;
  }

  async start(handle: BatchHandler): Promise<void> {
    this.parking = new SequencedParking(this.options.parked, this.options.groupId, handle, {
      log: this.options.log,
      ...(this.options.maxAttempts !== undefined ? { maxAttempts: this.options.maxAttempts } : {}),
      onPoison: (report) => this.copyToDeadLetterTopic(report),
    });
    // Started while a broker of the cluster restarts: wait for it rather than exit.
    const log = this.options.log;
    await whileABrokerIsAway(() => this.producer.connect(), { what: 'connecting the dead-letter producer', log });
    await whileABrokerIsAway(() => this.consumer.connect(), { what: 'connecting the consumer', log });
    const topics = (this.options.topics ?? EVENT_TOPICS).map((t) => prefixed(this.settings, t));
    await whileABrokerIsAway(() => this.consumer.subscribe({ topics, fromBeginning: true }), { what: 'subscribing', log });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  async retryParked(subject: string): Promise<RetryOutcome> {
    if (!this.parking) throw new Error('the consumer has not started');
    return this.parking.retry(subject);
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const size = this.options.maxEventsPerApply ?? DEFAULT_MAX_EVENTS_PER_APPLY;
    for (let start = 0; start < batch.messages.length; start += size) {
      // A rebalance took the partition away: its new owner goes on from the last committed slice.
      if (start > 0 && (!payload.isRunning() || payload.isStale())) return;
      await this.consumeSlice(payload, batch.messages.slice(start, start + size));
      await payload.heartbeat();
    }
  }

  private async consumeSlice(payload: EachBatchPayload, messages: readonly KafkaMessage[]): Promise<void> {
    const { batch } = payload;
    const last = messages[messages.length - 1];
    if (last === undefined || !this.parking) return;
    const deliveries = messages.map((message) => deliveryOf(message, `${batch.topic}/${batch.partition}@${message.offset}`));
    await this.parking.process(deliveries);
    payload.resolveOffset(last.offset);
    await this.commits.run([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
  }

  private async copyToDeadLetterTopic({ delivery, error }: PoisonReport): Promise<void> {
    const [topic, partition, offset] = delivery.origin.split(/[/@]/);
    await this.producer.send({
      topic: prefixed(this.settings, DEAD_LETTER_TOPIC),
      acks: -1,
      messages: [
        {
          key: delivery.message.key,
          value: delivery.message.value === null ? null : Buffer.from(delivery.message.value, 'base64'),
          headers: {
            ...delivery.message.headers,
            ecab_dlq_error: error,
            ecab_dlq_topic: topic ?? '',
            ecab_dlq_partition: partition ?? '',
            ecab_dlq_offset: offset ?? '',
            ecab_dlq_group: this.options.groupId,
          },
        },
      ],
    });
    this.poisoned.push({ origin: delivery.origin, subject: delivery.subject, error });
  }
}
