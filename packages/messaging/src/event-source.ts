import type { PortfolioEvent } from '@ecab/contracts';
import type { RetryOutcome } from './parking/parked-message-store.js';

/**
 * The portfolio event stream as a consumer reads it. `handle` applies a batch (in one database
 * transaction, idempotently per stream version); the source records its position only after
 * `handle` resolved and poison messages were parked, so a crash redelivers and never loses.
 */
export type BatchHandler = (events: PortfolioEvent[]) => Promise<void>;

export interface PortfolioEventSource {
  readonly transport: 'kafka' | 'postgres-log';
  /** The consumer group (Kafka) or checkpoint name (log): who parked messages belong to. */
  readonly consumerName: string;
  start(handle: BatchHandler): Promise<void>;
  stop(): Promise<void>;
  /** Applies a project's parked messages in order, after a fix. */
  retryParked(subject: string): Promise<RetryOutcome>;
}
