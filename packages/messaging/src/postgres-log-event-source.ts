import { LogSubscription } from '@ecab/event-store';
import type { DataSource } from 'typeorm';
import type { BatchHandler, PortfolioEventSource } from './event-source.js';
import { portfolioEventFromRecorded } from './recorded-to-portfolio-event.js';

/** Reads the event store's log directly: the embedded default, and projection rebuilds. */
export class PostgresLogEventSource implements PortfolioEventSource {
  readonly transport = 'postgres-log' as const;
  private subscription: LogSubscription | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { name: string; batchSize?: number; pollIntervalMs?: number },
  ) {}

  async start(handle: BatchHandler): Promise<void> {
    this.subscription = new LogSubscription(this.dataSource, {
      name: this.options.name,
      ...(this.options.batchSize !== undefined ? { batchSize: this.options.batchSize } : {}),
      ...(this.options.pollIntervalMs !== undefined ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      handle: (batch) => handle(batch.map(portfolioEventFromRecorded)),
    });
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}
