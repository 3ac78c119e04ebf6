import type { ParkedMessageStore, PortfolioEventSource } from '@ecab/messaging';
import { createMetricsRegistry, scrapedGauge } from '@ecab/platform';
import type { Registry } from 'prom-client';
import type { ReportingEvents } from './events/reporting-events.js';

/** What operators watch: how far reporting's copy of the events reaches, and what is parked. */
export function reportingMetrics({ events, source, parked }: { events: ReportingEvents; source: PortfolioEventSource; parked: ParkedMessageStore }): Registry {
  const registry = createMetricsRegistry('reporting');
  scrapedGauge(registry, {
    name: 'ecab_reporting_events_stored',
    help: 'Events in reporting’s own copy of the event log',
    read: async () => [{ value: (await events.head()).count }],
  });
  scrapedGauge(registry, {
    name: 'ecab_reporting_position',
    help: 'The highest event-store log position in reporting’s copy',
    read: async () => [{ value: Number((await events.head()).position ?? 0) }],
  });
  scrapedGauge(registry, {
    name: 'ecab_parked_messages',
    help: 'Messages parked (held back with the later messages of their project), waiting for a fix and a retry',
    labelNames: ['consumer'],
    read: async () => [{ labels: { consumer: source.consumerName }, value: await parked.count(source.consumerName) }],
  });
  return registry;
}
