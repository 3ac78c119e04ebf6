import { LogSubscription } from '@ecab/event-store';
import type { DataSource } from 'typeorm';
import type { BatchHandler, PortfolioEventSource } from './event-source.js';
import type { LogSink } from './kafka-config.js';
import { wireMessageOf } from './parking/event-wire.js';
import type { ParkedMessageStore, RetryOutcome } from './parking/parked-message-store.js';
import { SequencedParking, type Delivery } from './parking/sequenced-parking.js';
import { portfolioEventFromRecorded } from './recorded-to-portfolio-event.js';

/** Reads the event store's log directly: the embedded default, and projection rebuilds. */
export class PostgresLogEventSource implements PortfolioEventSource {
  readonly transport = 'postgres-log' as const;
  private subscription: LogSubscription | undefined;
  private parking: SequencedParking | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { name: string; parked: ParkedMessageStore; log: LogSink; batchSize?: number; pollIntervalMs?: number; maxAttempts?: number },
  ) {}

  get consumerName(): string {
    return this.options.name;
  }

  async start(handle: BatchHandler): Promise<void> {
    const parking = new SequencedParking(this.options.parked, this.options.name, handle, {
      log: this.options.log,
      ...(this.options.maxAttempts !== undefined ? { maxAttempts: this.options.maxAttempts } : {}),
    });
    this.parking = parking;
    this.subscription = new LogSubscription(this.dataSource, {
      name: this.options.name,
      ...(this.options.batchSize !== undefined ? { batchSize: this.options.batchSize } : {}),
      ...(this.options.pollIntervalMs !== undefined ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      onError: (error, { attempt, during }) =>
        this.options.log.warn({ attempt, during, error: error instanceof Error ? error.message : String(error) }, 'log consumer failed; retrying'),
      // The same wire form as on Kafka, so parked messages are stored and retried one way. An event this
      // build has no contract for (a newer build wrote it) goes in the stored form: decoding it fails, so it
      // is parked with its project's later events, and a build that knows it applies it on retry.
      handle: (batch) =>
        parking.process(
          batch.map((recorded): Delivery => {
            const event = portfolioEventFromRecorded(recorded);
            return { subject: event.subject, origin: `log@${recorded.position}`, message: wireMessageOf(event).message };
          }),
        ),
    });
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  async retryParked(subject: string): Promise<RetryOutcome> {
    if (!this.parking) throw new Error('the consumer has not started');
    return this.parking.retry(subject);
  }
}
