import { Counter, Histogram, type Registry } from 'prom-client';
import type { DeliveryResult } from './delivery-store.js';
import type { SendOutcome } from './webhook-sender.js';

/** Per endpoint (subscription id): attempts by outcome, failed attempts, messages given up, and latency. */
export class DeliveryMetrics {
  readonly #attempts: Counter<'endpoint' | 'outcome'>;
  readonly #failures: Counter<'endpoint'>;
  readonly #exhausted: Counter<'endpoint'>;
  readonly #latency: Histogram<'endpoint'>;
  readonly #disabled: Counter<'endpoint'>;

  constructor(registry: Registry) {
    this.#attempts = new Counter({
      name: 'ecab_gateway_webhook_attempts_total',
      help: 'Webhook delivery attempts per endpoint (subscription) and outcome: accepted, failed',
      labelNames: ['endpoint', 'outcome'],
      registers: [registry],
    });
    this.#failures = new Counter({
      name: 'ecab_gateway_webhook_failures_total',
      help: 'Webhook attempts that were not accepted (non-2xx, timeout, connection error) per endpoint',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    this.#exhausted = new Counter({
      name: 'ecab_gateway_webhook_messages_failed_total',
      help: 'Messages whose every scheduled attempt failed, per endpoint (listed as failed until recovered)',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    this.#disabled = new Counter({
      name: 'ecab_gateway_webhook_endpoints_disabled_total',
      help: 'Times an endpoint was disabled: it answered 410 Gone, or every attempt failed for WEBHOOK_DISABLE_AFTER_MS',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    this.#latency = new Histogram({
      name: 'ecab_gateway_webhook_attempt_duration_seconds',
      help: 'How long a webhook attempt took, per endpoint',
      labelNames: ['endpoint'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    });
  }

  attempted(endpoint: string, outcome: SendOutcome, result: DeliveryResult): void {
    const accepted = result.status === 'delivered';
    this.#attempts.inc({ endpoint, outcome: accepted ? 'accepted' : 'failed' });
    if (!accepted) this.#failures.inc({ endpoint });
    if (result.status === 'failed') this.#exhausted.inc({ endpoint });
    this.#latency.observe({ endpoint }, outcome.durationMs / 1000);
  }

  disabled(endpoint: string): void {
    this.#disabled.inc({ endpoint });
  }
}
