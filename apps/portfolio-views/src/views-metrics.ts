import { CheckpointStore, LogReader, oldestHorizonTransactionAgeSeconds } from '@ecab/event-store';
import { prefixed, type KafkaSettings, type ParkedMessageStore, type PortfolioEventSource } from '@ecab/messaging';
import { EVENT_TOPICS } from '@ecab/contracts';
import { createMetricsRegistry, oldestTransactionGauge, scrapedGauge } from '@ecab/platform';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { PORTFOLIO_VIEWS } from './projections/portfolio-projection.js';
import { REBUILD_STATES, type ProjectionRebuild } from './projections/projection-rebuild.js';

export interface ViewsMetricsSources {
  dataSource: DataSource;
  eventStore: DataSource;
  source: PortfolioEventSource;
  parked: ParkedMessageStore;
  rebuild?: ProjectionRebuild;
  kafka?: { client: Kafka; settings: KafkaSettings };
}

/** What operators watch on the read side: how far behind it is, how far it got, what is parked. */
export function viewsMetrics({ dataSource, eventStore, source, parked, rebuild, kafka }: ViewsMetricsSources): Registry {
  const registry = createMetricsRegistry('portfolio-views');
  oldestTransactionGauge(registry, () => oldestHorizonTransactionAgeSeconds(eventStore));
  if (kafka) {
    const admin = kafka.client.admin();
    let connected: Promise<void> | undefined;
    scrapedGauge(registry, {
      name: 'ecab_consumer_lag',
      help: 'Messages on Kafka not yet committed by the consumer group, per partition',
      labelNames: ['group', 'topic', 'partition'],
      read: async () => {
        connected ??= admin.connect();
        await connected;
        const topics = EVENT_TOPICS.map((t) => prefixed(kafka.settings, t));
        const committed = await admin.fetchOffsets({ groupId: source.consumerName, topics });
        const samples = [];
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          for (const { partition, offset } of partitions) {
            const end = ends.find((e) => e.partition === partition);
            if (!end) continue;
            const from = offset === '-1' ? BigInt(end.low) : BigInt(offset);
            samples.push({ labels: { group: source.consumerName, topic, partition }, value: Number(BigInt(end.high) - from) });
          }
        }
        return samples;
      },
    });
  } else {
    const checkpoints = new CheckpointStore(eventStore);
    const reader = new LogReader(eventStore);
    scrapedGauge(registry, {
      name: 'ecab_consumer_backlog_events',
      help: 'Events in the event store this consumer has not applied yet (PostgreSQL-log transport)',
      labelNames: ['consumer'],
      read: async () => [{ labels: { consumer: source.consumerName }, value: await reader.backlog(await checkpoints.load(source.consumerName)) }],
    });
  }
  scrapedGauge(registry, {
    name: 'ecab_projection_applied_events',
    help: 'Events applied by the projection (the sum of its per-stream versions)',
    labelNames: ['projection'],
    read: async () => {
      const [row]: { applied: string | null }[] = await dataSource.query('select sum(version) as applied from applied_stream_versions');
      return [{ labels: { projection: PORTFOLIO_VIEWS }, value: Number(row?.applied ?? 0) }];
    },
  });
  scrapedGauge(registry, {
    name: 'ecab_projection_position',
    help: 'The highest event-store log position the live read tables reflect (ECAB-Position)',
    labelNames: ['projection'],
    read: async () => {
      const [row]: { position: string | null }[] = await dataSource.query('select max(position)::text as position from applied_stream_versions');
      return [{ labels: { projection: PORTFOLIO_VIEWS }, value: Number(row?.position ?? 0) }];
    },
  });
  if (rebuild) {
    const labels = { projection: PORTFOLIO_VIEWS };
    scrapedGauge(registry, {
      name: 'ecab_projection_rebuild_events_done',
      help: 'Events applied to the generation being rebuilt (or last rebuilt)',
      labelNames: ['projection'],
      read: async () => [{ labels, value: rebuild.status().done }],
    });
    scrapedGauge(registry, {
      name: 'ecab_projection_rebuild_events_total',
      help: 'Events the rebuild has to apply: the event store at its start, plus those it caught up with',
      labelNames: ['projection'],
      read: async () => [{ labels, value: rebuild.status().total }],
    });
    scrapedGauge(registry, {
      name: 'ecab_projection_rebuild_state',
      help: "The rebuild's state: 1 for the current one, 0 for the others",
      labelNames: ['projection', 'state'],
      read: async () => {
        const { state } = rebuild.status();
        return REBUILD_STATES.map((s) => ({ labels: { ...labels, state: s }, value: s === state ? 1 : 0 }));
      },
    });
  }
  scrapedGauge(registry, {
    name: 'ecab_parked_messages',
    help: 'Messages parked (held back with the later messages of their project), waiting for a fix and a retry',
    labelNames: ['consumer'],
    read: async () => [{ labels: { consumer: source.consumerName }, value: await parked.count(source.consumerName) }],
  });
  return registry;
}
