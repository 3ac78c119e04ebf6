import { upcast } from '@ecab/contracts';
import { LOG_START, LogReader, type LogCheckpoint } from '@ecab/event-store';
import { portfolioEventFromRecorded } from '@ecab/messaging';
import type { DataSource } from 'typeorm';
import type { PortfolioProjection } from './portfolio-projection.js';

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Fills a generation from the event store's log (gap-safe, in commit order) up to its current head.
 * The projection skips what it already has, so running it again, or the live consumer delivering the
 * same events later, changes nothing. `signal` stops it between batches. Events committed behind a
 * transaction still open anywhere on the server are not readable yet (the gap-safe horizon): with
 * `waitForHeldBackMs` it waits up to that long for them instead of stopping short of the head.
 */
export async function replayEventStore(
  eventStore: DataSource,
  projection: PortfolioProjection,
  {
    batchSize = 1000,
    from = LOG_START,
    onProgress,
    signal,
    waitForHeldBackMs = 0,
  }: { batchSize?: number; from?: LogCheckpoint; onProgress?: (progress: RebuildProgress) => void; signal?: AbortSignal; waitForHeldBackMs?: number } = {},
): Promise<LogCheckpoint> {
  const reader = new LogReader(eventStore);
  const total = await reader.backlog(from);
  let done = 0;
  let after = from;
  const waitUntil = Date.now() + waitForHeldBackMs;
  for (;;) {
    signal?.throwIfAborted();
    const batch = await reader.readBatch(after, batchSize);
    if (batch.length === 0) {
      if (Date.now() >= waitUntil || !(await reader.heldBack())) return after;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    await projection.apply(batch.map((recorded) => upcast(portfolioEventFromRecorded(recorded))));
    const last = batch[batch.length - 1]!;
    after = { transactionId: last.transactionId, position: last.position };
    done += batch.length;
    onProgress?.({ done, total: Math.max(total, done) });
  }
}
