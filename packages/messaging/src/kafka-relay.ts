import { encodeCloudEvent, topicFor } from '@ecab/contracts';
import { LogSubscription, type RecordedEvent } from '@ecab/event-store';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import type { KafkaSettings, LogSink } from './kafka-config.js';
import { portfolioEventFromRecorded } from './recorded-to-portfolio-event.js';
import { prefixed } from './topics-admin.js';

/** The advisory lock that makes one relay active; any other instance waits as a hot standby. */
export const RELAY_LOCK_KEY = 0x4543_4142; // "ECAB"

export interface KafkaRelayOptions {
  log: LogSink;
  checkpointName?: string;
  batchSize?: number;
  /** How often a standby tries to take the lock, and the leader checks it still holds it. */
  lockIntervalMs?: number;
  pollIntervalMs?: number;
}

/**
 * Publishes the event store's log to Kafka: gap-safe log reader → idempotent producer (acks=all),
 * key = project id, one topic per cluster. The checkpoint advances only after Kafka acknowledged,
 * so a crash republishes (consumers skip duplicates) and never loses.
 */
export class KafkaRelay {
  private readonly producer: Producer;
  private lockConnection: QueryRunner | undefined;
  private subscription: LogSubscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private published = 0;

  constructor(
    private readonly dataSource: DataSource,
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaRelayOptions,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  get isActive(): boolean {
    return this.subscription !== undefined;
  }

  get publishedCount(): number {
    return this.published;
  }

  get checkpointName(): string {
    return this.options.checkpointName ?? 'relay:kafka';
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.resign();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.options.lockIntervalMs ?? 1_000);
  }

  private async tick(): Promise<void> {
    try {
      if (this.isActive) {
        await this.confirmLeadership();
      } else {
        await this.tryToLead();
      }
    } catch (error) {
      this.options.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'relay lost its lock connection; standing down');
      await this.resign();
    }
    this.schedule();
  }

  private async tryToLead(): Promise<void> {
    this.lockConnection ??= this.dataSource.createQueryRunner();
    await this.lockConnection.connect();
    const rows: { locked: boolean }[] = await this.lockConnection.query('select pg_try_advisory_lock($1) as locked', [RELAY_LOCK_KEY]);
    if (!rows[0]?.locked) return;
    this.options.log.info({}, 'relay is now the active publisher');
    await this.producer.connect();
    const subscription = new LogSubscription(this.dataSource, {
      name: this.checkpointName,
      batchSize: this.options.batchSize ?? 1_000,
      ...(this.options.pollIntervalMs !== undefined ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      handle: (batch) => this.publish(batch),
      // Kafka or PostgreSQL down: the subscription retries with backoff; say so in the service's log.
      onError: (error, { attempt, during }) =>
        this.options.log.warn({ attempt, during, error: error instanceof Error ? error.message : String(error) }, 'relay could not publish; retrying'),
    });
    this.subscription = subscription;
    await subscription.start();
  }

  /** A dead lock connection means another relay may already lead: stop publishing at once. */
  private async confirmLeadership(): Promise<void> {
    if (!this.lockConnection) throw new Error('no lock connection');
    await this.lockConnection.query('select 1');
  }

  private async resign(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    const connection = this.lockConnection;
    this.lockConnection = undefined;
    if (connection) {
      await connection.query('select pg_advisory_unlock($1)', [RELAY_LOCK_KEY]).catch(() => undefined);
      await connection.release().catch(() => undefined);
    }
  }

  private async publish(batch: RecordedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const recorded of batch) {
      const event = portfolioEventFromRecorded(recorded);
      const topic = prefixed(this.settings, topicFor(event.cluster));
      const record = encodeCloudEvent(event);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: record.key, value: record.value, headers: record.headers });
      byTopic.set(topic, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    this.published += batch.length;
  }
}
