import type { Logger } from 'pino';
import type { IntegrationLog } from '../integration/integration-log.js';
import type { PartnerStore } from '../partners/partner-store.js';
import type { SinkPolicy } from '../subscriptions/sink-safety.js';
import { signingSecrets, type SubscriptionStore } from '../subscriptions/subscription-store.js';
import type { DeliveryMetrics } from './delivery-metrics.js';
import type { DeliveryResult, DeliveryStore, DueDelivery } from './delivery-store.js';
import { retryAfterMs } from './retry-schedule.js';
import { sendWebhook, type SendOutcome } from './webhook-sender.js';
import { webhookSignature } from './webhook-signature.js';
import { PollLoop } from '../workers/poll-loop.js';

export interface DispatcherSettings {
  /** Delay before each attempt (Svix's by default); after the last, the message has failed. */
  schedule: readonly number[];
  timeoutMs: number;
  /** How often to look for due deliveries when nothing new was appended. */
  pollMs: number;
  /** Deliveries under way at once, across subscriptions and projects. */
  concurrency: number;
  sinkPolicy: SinkPolicy;
  /** An endpoint whose every attempt has failed for this long is disabled (Svix: 5 days). */
  disableAfterMs: number;
}

/** What an answer means for the message: accepted (2xx), or when to try again, or failed for good. */
export function deliveryResult(outcome: SendOutcome, attemptsBefore: number, schedule: readonly number[], now = Date.now()): DeliveryResult {
  if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) return { status: 'delivered' };
  const attempts = attemptsBefore + 1;
  if (attempts >= schedule.length) return { status: 'failed' };
  const throttled = outcome.status === 429 || outcome.status === 503 ? retryAfterMs(outcome.retryAfter, now) : undefined;
  return { status: 'pending', nextAttemptAt: new Date(now + Math.max(schedule[attempts]!, throttled ?? 0)), countsAsAttempt: true };
}

/**
 * Delivers the webhooks: makes out each enabled subscription's deliveries from the integration log, then
 * POSTs every due message (the oldest undelivered of its project) signed per Standard Webhooks, and records
 * each attempt. One dispatcher per database: only the leading gateway instance runs it (GatewayWorkers).
 */
export class WebhookDispatcher {
  readonly #inFlight = new Set<string>();
  readonly #loop: PollLoop;

  constructor(
    private readonly deps: {
      subscriptions: SubscriptionStore;
      partners: PartnerStore;
      log: IntegrationLog;
      deliveries: DeliveryStore;
      metrics: DeliveryMetrics;
      logger: Logger;
    },
    private readonly settings: DispatcherSettings,
  ) {
    this.#loop = new PollLoop({
      round: () => this.tick(),
      mark: () => deps.log.appendMark,
      waitForWork: (mark, ms, signal) => deps.log.waitForAppend(ms, signal, mark),
      pollMs: settings.pollMs,
      failure: 'webhook dispatch failed; trying again',
      logger: deps.logger,
    });
  }

  start(): void {
    this.#loop.start();
  }

  /** Stops making out and starting deliveries; attempts under way finish and are recorded. */
  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  /** One round: fan out, then start the due deliveries there is room for. */
  async tick(): Promise<void> {
    const enabled = await this.deps.subscriptions.enabled();
    for (const subscription of enabled) {
      const partner = await this.deps.partners.get(subscription.organisationId);
      if (partner) await this.deps.deliveries.fanOut(subscription, partner, this.deps.log);
    }
    // Only an enabled subscription's deliveries are ever due: with none, no need to ask (a round per append).
    if (enabled.length === 0) return;
    const room = this.settings.concurrency - this.#inFlight.size;
    if (room <= 0) return;
    const due = (await this.deps.deliveries.due(room + this.#inFlight.size)).filter((delivery) => !this.#inFlight.has(keyOf(delivery))).slice(0, room);
    for (const delivery of due) {
      const key = keyOf(delivery);
      this.#inFlight.add(key);
      void this.#deliver(delivery)
        .catch((error: unknown) =>
          this.deps.logger.error({ err: error, subscription: delivery.subscriptionId, seq: delivery.seq }, 'delivery could not be recorded'),
        )
        .finally(() => this.#inFlight.delete(key));
    }
  }

  async #deliver(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(delivery.cloudEvent);
    const timestamp = Math.floor(Date.now() / 1000);
    const id = delivery.cloudEvent.id;
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature(id, timestamp, body, signingSecrets(delivery.secrets)),
    };
    const outcome = await sendWebhook(delivery.sink, headers, body, this.settings.sinkPolicy, this.settings.timeoutMs);
    const result = deliveryResult(outcome, delivery.attempts, this.settings.schedule);
    this.deps.metrics.attempted(delivery.subscriptionId, outcome, result);
    await this.deps.deliveries.record(delivery, outcome, result);
    const failingSince = await this.deps.subscriptions.noteAttempt(delivery.subscriptionId, result.status === 'delivered');
    const reason =
      outcome.status === 410
        ? 'the sink answered 410 Gone'
        : failingSince && Date.now() - failingSince.getTime() >= this.settings.disableAfterMs
          ? `every attempt has failed since ${failingSince.toISOString()} (the limit is ${describeDuration(this.settings.disableAfterMs)})`
          : undefined;
    if (reason) {
      await this.deps.subscriptions.setEnabled(delivery.subscriptionId, false, reason);
      this.deps.metrics.disabled(delivery.subscriptionId);
      this.deps.logger.warn({ subscription: delivery.subscriptionId, reason }, 'webhook endpoint disabled');
    }
  }
}

function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  return `${ms} ms`;
}

function keyOf(delivery: Pick<DueDelivery, 'subscriptionId' | 'subject'>): string {
  return `${delivery.subscriptionId}\u0000${delivery.subject}`;
}
