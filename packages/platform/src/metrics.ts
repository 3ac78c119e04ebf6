import { Controller, Get, Inject, Res } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** One registry per service, with Node's process metrics and the service name as a label. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * A gauge whose value is read when Prometheus scrapes (relay backlog, consumer lag, parked
 * messages): nothing to keep up to date on the hot path. A failing read reports NaN (unknown), never
 * a stale or a reassuring zero.
 */
export function scrapedGauge<L extends string>(
  registry: Registry,
  options: { name: string; help: string; labelNames?: L[]; read: () => Promise<{ labels?: Partial<Record<L, string | number>>; value: number }[]> },
): Gauge<L> {
  return new Gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const sample of await options.read()) {
          if (sample.labels) this.set(sample.labels, sample.value);
          else this.set(sample.value);
        }
      } catch {
        if ((options.labelNames ?? []).length === 0) this.set(Number.NaN);
      }
    },
  });
}

/**
 * The same gauge on every app that uses PostgreSQL: how long the oldest transaction holding the xmin
 * horizon has been open, server-wide. While it lasts, the log reader delivers nothing committed after it.
 */
export function oldestTransactionGauge(registry: Registry, read: () => Promise<number>): Gauge<string> {
  return scrapedGauge(registry, {
    name: 'ecab_postgres_oldest_transaction_age_seconds',
    help: 'Age of the oldest open transaction on the PostgreSQL server holding the xmin horizon (pg_stat_activity backend_xid/backend_xmin); events committed after it began wait for it',
    read: async () => [{ value: await read() }],
  });
}

interface TextResponse {
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async metrics(@Res() response: TextResponse): Promise<void> {
    const body = await this.registry.metrics();
    response.setHeader('Content-Type', this.registry.contentType);
    response.end(body);
  }
}
