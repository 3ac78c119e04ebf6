import { upcast } from '@ecab/contracts';
import { LOG_START, LogReader, type LogCheckpoint } from '@ecab/event-store';
import { portfolioEventFromRecorded } from '@ecab/messaging';
import type { DataSource } from 'typeorm';
import type { PortfolioProjection } from './portfolio-projection.js';

export interface RebuildProgress {
  done: number;
  total: number;
}

/** Events a replay reads and applies at a time. */
export const REPLAY_BATCH_SIZE = 4000;
/** Transactions a replay applies a batch in at once. */
export const REPLAY_LANES = 2;

/**
 * Fills a generation from the event store's log (gap-safe, in commit order) up to its current head.
 * The projection skips what it already has, so running it again, or the live consumer delivering the
 * same events later, changes nothing. `signal` stops it between batches. Events committed behind a
 * transaction still open anywhere on the server are not readable yet (the gap-safe horizon): with
 * `waitForHeldBackMs` it waits up to that long for them instead of stopping short of the head.
 *
 * A batch is applied in REPLAY_LANES transactions at once (PortfolioProjection#applyInLanes): in one,
 * PostgreSQL waited while Node prepared the next statement and Node while PostgreSQL ran it. The checkpoint
 * moves once every lane of a batch has committed. The defaults were measured (docs/BENCHMARKS.md).
 */
export async function replayEventStore(
  eventStore: DataSource,
  projection: PortfolioProjection,
  {
    batchSize = REPLAY_BATCH_SIZE,
    from = LOG_START,
    onProgress,
    signal,
    waitForHeldBackMs = 0,
  }: {
    batchSize?: number;
    from?: LogCheckpoint;
    onProgress?: (progress: RebuildProgress) => void;
    signal?: AbortSignal;
    waitForHeldBackMs?: number;
  } = {},
): Promise<LogCheckpoint> {
  const reader = new LogReader(eventStore);
  const total = await reader.backlog(from);
  let done = 0;
  let after = from;
  const waitUntil = Date.now() + waitForHeldBackMs;
  // The next batch is read while this one applies: PostgreSQL reads and writes at once.
  let next = readAhead(reader, after, batchSize);
  for (;;) {
    signal?.throwIfAborted();
    const batch = await next;
    if (batch.length === 0) {
      // Done when nothing committed is left after the checkpoint. Asking whether anything is held back instead raced: a
      // holding transaction that ended between the empty read and that question left its events unread for good.
      if (Date.now() >= waitUntil || (await reader.backlog(after)) === 0) return after;
      await new Promise((resolve) => setTimeout(resolve, 50));
      next = readAhead(reader, after, batchSize);
      continue;
    }
    const last = batch[batch.length - 1]!;
    const checkpoint = { transactionId: last.transactionId, position: last.position };
    next = readAhead(reader, checkpoint, batchSize);
    const events = batch.map((recorded) => upcast(portfolioEventFromRecorded(recorded)));
    await projection.applyInLanes(events, REPLAY_LANES);
    after = checkpoint;
    done += batch.length;
    onProgress?.({ done, total: Math.max(total, done) });
  }
}

/** A batch being read; a failure is seen where it is awaited (not as an unhandled rejection if it never is). */
function readAhead(reader: LogReader, after: LogCheckpoint, batchSize: number): Promise<RecordedBatch> {
  const reading = reader.readBatch(after, batchSize);
  reading.catch(() => undefined);
  return reading;
}

type RecordedBatch = Awaited<ReturnType<LogReader['readBatch']>>;
