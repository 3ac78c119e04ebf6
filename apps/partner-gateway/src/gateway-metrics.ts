import type { ParkedMessageStore, PortfolioEventSource } from '@ecab/messaging';
import { createMetricsRegistry, scrapedGauge } from '@ecab/platform';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { IntegrationLog } from './integration/integration-log.js';

/** The gateway's registry: how far its integration log reaches, deliveries waiting and failed per endpoint, parked messages. */
export function gatewayMetrics({
  dataSource,
  log,
  source,
  parked,
}: {
  dataSource: DataSource;
  log: IntegrationLog;
  source: PortfolioEventSource;
  parked: ParkedMessageStore;
}): Registry {
  const registry = createMetricsRegistry('partner-gateway');
  scrapedGauge(registry, {
    name: 'ecab_gateway_integration_events_sequence',
    help: 'The highest sequence of the integration-event log partners read',
    read: async () => [{ value: Number(await log.head()) }],
  });
  scrapedGauge(registry, {
    name: 'ecab_gateway_webhook_messages',
    help: 'Webhook messages per endpoint (subscription) and status: pending (waiting or being retried), failed (every attempt failed; recover to resend)',
    labelNames: ['endpoint', 'status'],
    read: async () => {
      const rows: { subscription_id: string; status: string; count: string }[] = await dataSource.query(
        `select subscription_id, status, count(*)::text as count from gateway_deliveries where status <> 'delivered' group by subscription_id, status`,
      );
      return rows.map((row) => ({ labels: { endpoint: row.subscription_id, status: row.status }, value: Number(row.count) }));
    },
  });
  scrapedGauge(registry, {
    name: 'ecab_parked_messages',
    help: 'Messages parked (held back with the later messages of their project), waiting for a fix and a retry',
    labelNames: ['consumer'],
    read: async () => [{ labels: { consumer: source.consumerName }, value: await parked.count(source.consumerName) }],
  });
  return registry;
}
