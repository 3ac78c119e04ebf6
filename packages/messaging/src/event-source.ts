import type { PortfolioEvent } from '@ecab/contracts';

/**
 * The portfolio event stream as a consumer reads it. `handle` applies a batch (in one database
 * transaction, idempotently per stream version); the source records its position only after
 * `handle` resolved, so a crash redelivers and never loses.
 */
export type BatchHandler = (events: PortfolioEvent[]) => Promise<void>;

export interface PortfolioEventSource {
  readonly transport: 'kafka' | 'postgres-log';
  start(handle: BatchHandler): Promise<void>;
  stop(): Promise<void>;
}
