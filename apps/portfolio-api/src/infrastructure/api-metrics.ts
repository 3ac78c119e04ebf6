import { CheckpointStore, LogReader, oldestHorizonTransactionAgeSeconds, StoredEventCount } from '@ecab/event-store';
import type { KafkaRelay } from '@ecab/messaging';
import { createMetricsRegistry, oldestTransactionGauge, scrapedGauge } from '@ecab/platform';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** What operators watch on the write side: the events not yet on Kafka, and which instance publishes. */
export function apiMetrics(dataSource: DataSource, relay: KafkaRelay | undefined): Registry {
  const registry = createMetricsRegistry('portfolio-api');
  const checkpoints = new CheckpointStore(dataSource);
  const reader = new LogReader(dataSource);
  // Counted once, then only what was committed since: a public scrape never counts the whole table.
  const stored = new StoredEventCount(dataSource);
  scrapedGauge(registry, {
    name: 'ecab_events_stored',
    help: 'Events in the event store (an event of a transaction still open is counted once it ends)',
    read: async () => [{ value: await stored.count() }],
  });
  oldestTransactionGauge(registry, () => oldestHorizonTransactionAgeSeconds(dataSource));
  if (relay) {
    scrapedGauge(registry, {
      name: 'ecab_relay_backlog_events',
      help: 'Events in the event store not yet acknowledged by Kafka',
      read: async () => [{ value: await reader.backlog(await checkpoints.load(relay.checkpointName)) }],
    });
    scrapedGauge(registry, {
      name: 'ecab_relay_active',
      help: '1 when this instance holds the relay lock and publishes',
      read: async () => [{ value: relay.isActive ? 1 : 0 }],
    });
    scrapedGauge(registry, {
      name: 'ecab_relay_published_events',
      help: 'Events this instance published since it started',
      read: async () => [{ value: relay.publishedCount }],
    });
    // The same metric as portfolio-views' consumer: one alert rule for every parked message.
    scrapedGauge(registry, {
      name: 'ecab_parked_messages',
      help: 'Messages parked (held back with the later messages of their project), waiting for a fix and a retry',
      labelNames: ['consumer'],
      read: async () => [{ labels: { consumer: relay.consumerName }, value: await relay.parkedCount() }],
    });
  }
  return registry;
}
