import { Leadership } from '@ecab/event-store';
import { scrapedGauge } from '@ecab/platform';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config.js';
import { DeliveryMetrics } from '../delivery/delivery-metrics.js';
import type { DeliveryStore } from '../delivery/delivery-store.js';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher.js';
import type { IntegrationLog } from '../integration/integration-log.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { JobStore } from '../jobs/job-store.js';
import type { PartnerKafkaAccess } from '../kafka/partner-kafka-access.js';
import { PartnerTopicPublisher } from '../kafka/partner-topic-publisher.js';
import type { PartnerStore } from '../partners/partner-store.js';
import type { SubscriptionStore } from '../subscriptions/subscription-store.js';

/** The advisory lock whose holder runs the gateway's background work ("ECAG"); the relay's is "ECAB". */
export const GATEWAY_LOCK_KEY = 0x4543_4147;

export interface GatewayWorkersDeps {
  dataSource: DataSource;
  log: IntegrationLog;
  partners: PartnerStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  jobs: JobStore;
  /** Direct Kafka for partners; null when the gateway runs without Kafka. */
  kafkaAccess: PartnerKafkaAccess | null;
  metrics: Registry;
  logger: Logger;
}

/**
 * What must run once per database however many gateway instances serve the API: the webhook dispatcher, the
 * subscriptions' recover and replay jobs, and the publisher to the partners' Kafka topics. The instance that
 * holds GATEWAY_LOCK_KEY runs them; the others serve HTTP and append to the integration log, and take over within
 * one leader interval when the leader stops or dies. A message whose attempt was under way when a leader died is
 * sent again by the next one with the same webhook-id (Standard Webhooks: receivers drop repeats by it).
 */
export class GatewayWorkers {
  readonly #leadership: Leadership;
  readonly #deliveryMetrics: DeliveryMetrics;
  #running: { stop(): Promise<void> }[] = [];

  constructor(
    private readonly deps: GatewayWorkersDeps,
    private readonly config: Pick<GatewayConfig, 'webhooks' | 'kafka' | 'partnerTopicPollMs' | 'leaderIntervalMs'>,
  ) {
    this.#deliveryMetrics = new DeliveryMetrics(deps.metrics);
    this.#leadership = new Leadership(deps.dataSource, {
      name: 'partner-gateway',
      lockKey: GATEWAY_LOCK_KEY,
      intervalMs: config.leaderIntervalMs,
      log: deps.logger,
      lead: () => this.#lead(),
      standDown: () => this.#standDown(),
    });
    scrapedGauge(deps.metrics, {
      name: 'ecab_gateway_leader',
      help: '1 when this instance runs the background work (webhook dispatch, jobs, partner topics), 0 on a standby',
      read: async () => [{ value: this.#leadership.isLeader ? 1 : 0 }],
    });
  }

  get isLeader(): boolean {
    return this.#leadership.isLeader;
  }

  /** Takes part in the election; leads at once when no other instance does. */
  start(): Promise<void> {
    return this.#leadership.start();
  }

  stop(): Promise<void> {
    return this.#leadership.stop();
  }

  async #lead(): Promise<void> {
    const { dataSource, log, partners, subscriptions, deliveries, jobs, kafkaAccess, logger } = this.deps;
    const dispatcher = new WebhookDispatcher({ subscriptions, partners, log, deliveries, metrics: this.#deliveryMetrics, logger }, this.config.webhooks);
    dispatcher.start();
    this.#running.push(dispatcher);
    // Recover and replay jobs, also those a previous leader left queued or running.
    const jobRunner = new JobRunner({ jobs, subscriptions, partners, log, logger }, { pollMs: this.config.webhooks.pollMs, batchSize: 500 });
    jobRunner.start();
    this.#running.push(jobRunner);
    // Direct Kafka: each partner with a credential gets its entitled events on its own topics.
    if (this.config.kafka && kafkaAccess) {
      const publisher = new PartnerTopicPublisher({ dataSource, log, partners, access: kafkaAccess, logger }, this.config.kafka, {
        pollMs: this.config.partnerTopicPollMs,
        batchSize: 500,
      });
      this.#running.push(publisher);
      await publisher.start();
    }
  }

  async #standDown(): Promise<void> {
    const running = this.#running;
    this.#running = [];
    for (const worker of running.reverse()) {
      await worker.stop().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'a background worker did not stop cleanly'));
    }
  }
}
