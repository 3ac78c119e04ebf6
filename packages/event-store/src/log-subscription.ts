import pg from 'pg';
import type { DataSource } from 'typeorm';
import { CheckpointStore, SAVE_CHECKPOINT_SQL } from './checkpoint-store.js';
import { type CheckpointSaving, LOG_START, type LogCheckpoint, LogReader } from './log-reader.js';
import { EventsListener } from './events-listener.js';
import type { RecordedEvent } from './recorded-event.js';
import { sessionConfig } from './session-config.js';

/** What a subscription needs of each event it delivers: where it stands in the log. */
export type LogEntry = LogCheckpoint;

export interface LogSubscriptionOptions<E extends LogEntry = RecordedEvent> {
  /** Checkpoint name: one name, one position in the log. */
  name: string;
  batchSize?: number;
  /** Polling fallback for missed or absent notifications (default 250 ms). */
  pollIntervalMs?: number;
  /** How often a waiting subscription tries to take the checkpoint's lock (default 1 s). */
  lockIntervalMs?: number;
  /**
   * Caught up, how long to wait before the next read so that what is committed meanwhile goes out in the same batch
   * (default 0: read at once). Each batch costs its handler a fixed price (for the relay: a produce request, and a
   * fetch, an apply and an offset commit in every consumer group), so under a steady stream of small commits a few
   * milliseconds of waiting save far more than they cost. It applies before the first read after a wake-up and after
   * a batch smaller than `batchSize`; a full batch (a backlog) is followed by the next read at once.
   */
  gatherMs?: number;
  /** Called with batches in (transactionId, position) order; the checkpoint moves only after it resolves. */
  handle(batch: E[]): Promise<void>;
  /**
   * How a batch is read (default: `LogReader.readBatch`, every event decoded; the relay reads its data as JSON text).
   * `saving`, when given, must be passed on to the LogReader: the read then saves `after` as the checkpoint too.
   */
  read?(reader: LogReader, after: LogCheckpoint, limit: number, saving: CheckpointSaving | undefined): Promise<E[]>;
  /**
   * A failed read, handle or checkpoint save (retried with backoff), a lost listener (reconnected), or a
   * lost or unreachable lock session (the subscription stands down and waits for the lock again).
   */
  onError?(error: unknown, context: { attempt: number; during: 'processing' | 'listening' | 'locking' }): void;
}

/** The advisory-lock namespace (first key) of log checkpoints; the second key is the checkpoint name's hash. */
export const CHECKPOINT_LOCK_NAMESPACE = 'ecab-log-checkpoint';

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 250;
const DEFAULT_LOCK_INTERVAL_MS = 1_000;
/** A subscription that lost its lock waits this many lock intervals, so that one already waiting takes over. */
const DEPOSED_WAIT_INTERVALS = 3;
/** Committed events held back by an older running transaction: look again soon, not a poll interval later. */
const HELD_BACK_RECHECK_MS = 20;
const RETRY_INITIAL_MS = 50;
const RETRY_MAX_MS = 10_000;

/**
 * Delivers the log to `handle`, batch by batch, from a saved checkpoint: at-least-once (a batch handled but
 * not yet checkpointed is delivered again after a crash), in log order, never skipping (gap-safe reader).
 * A dedicated connection LISTENs on `ecab_events` so appends wake the loop at once; it polls anyway.
 *
 * One consumer per checkpoint: a subscription handles batches only while it holds a PostgreSQL advisory
 * lock on its name, taken by a session of its own; another subscription with the same name (another
 * instance of the service) waits and takes over when that session ends — the process died, stopped, or
 * the connection was cut. The checkpoint is saved on the lock session itself, so a subscription that lost
 * its lock can never move the checkpoint under the one that took over (a batch in flight then is delivered
 * again to the new holder: at-least-once, as after a crash).
 */
export class LogSubscription<E extends LogEntry = RecordedEvent> {
  private readonly reader: LogReader;
  private readonly checkpoints: CheckpointStore;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lockIntervalMs: number;
  private readonly gatherMs: number;
  private lockSession: pg.Client | undefined;
  private leading = false;
  private deposedUntil = 0;
  private checkpoint: LogCheckpoint = LOG_START;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private interruptSleep: (() => void) | undefined;
  private readonly listener: EventsListener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: LogSubscriptionOptions<E>,
  ) {
    this.reader = new LogReader(dataSource);
    this.checkpoints = new CheckpointStore(dataSource);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.lockIntervalMs = options.lockIntervalMs ?? DEFAULT_LOCK_INTERVAL_MS;
    this.gatherMs = options.gatherMs ?? 0;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    if (!Number.isFinite(this.gatherMs) || this.gatherMs < 0) throw new RangeError('gatherMs must be a number of milliseconds, 0 or more');
    this.listener = new EventsListener(
      dataSource,
      () => this.wake(),
      (error, attempt) => this.reportError(error, attempt, 'listening'),
    );
  }

  /** The last checkpoint saved: everything up to it has been handled. */
  get position(): LogCheckpoint {
    return this.checkpoint;
  }

  /** Whether this subscription holds its checkpoint's lock and handles batches (otherwise it waits). */
  get isActive(): boolean {
    return this.leading;
  }

  /** Returns once it leads or waits for the lock (another subscription with the same name leads). */
  async start(): Promise<void> {
    if (this.loop) throw new Error(`Log subscription ${this.options.name} is already running`);
    this.stopping = false;
    this.deposedUntil = 0;
    // Without a listener the subscription still works, by polling; the listener keeps reconnecting.
    await this.listener.start();
    try {
      await this.tryToLead();
    } catch (error) {
      this.reportError(error, 1, 'locking'); // the loop tries again
    }
    this.loop = this.run();
  }

  /** Stops after the batch in flight (its handle and checkpoint save) has finished. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.interruptSleep?.();
    await this.loop;
    this.loop = undefined;
    await this.listener.stop();
    // Ending the session releases the lock: a waiting subscription takes over.
    const lockSession = this.lockSession;
    this.lockSession = undefined;
    this.leading = false;
    await lockSession?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    let lockFailures = 0;
    while (!this.stopping) {
      this.wakeRequested = false;
      if (!this.leading) {
        let acquired = false;
        try {
          acquired = Date.now() >= this.deposedUntil && (await this.tryToLead());
          lockFailures = 0;
        } catch (error) {
          lockFailures += 1;
          this.reportError(error, lockFailures, 'locking');
        }
        if (!acquired) {
          await this.sleep(this.lockIntervalMs, false);
          continue;
        }
        failures = 0;
      }
      let delayMs = this.pollIntervalMs;
      let wakeable = true;
      try {
        const heldBack = await this.drain();
        failures = 0;
        if (heldBack) delayMs = Math.min(delayMs, HELD_BACK_RECHECK_MS);
      } catch (error) {
        failures += 1;
        this.reportError(error, failures, 'processing');
        delayMs = Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS * 2 ** (failures - 1));
        wakeable = false; // a notification must not cut a retry backoff short
      }
      await this.sleep(delayMs, wakeable);
    }
  }

  private readBatch(after: LogCheckpoint, saving?: CheckpointSaving): Promise<E[]> {
    const read = this.options.read;
    // Without a reader of its own, E is RecordedEvent (the default type argument).
    return read
      ? read(this.reader, after, this.batchSize, saving)
      : (this.reader.readBatch(after, this.batchSize, saving) as Promise<unknown[]> as Promise<E[]>);
  }

  /**
   * Handles every batch available now; tells whether committed events still wait behind older transactions.
   * A handled batch's checkpoint is saved by the read of the next batch, in one statement on the lock session;
   * the last read of a drain finds nothing, so every handled batch is checkpointed before the subscription
   * sleeps, and a stopping subscription saves the checkpoint of the batch in flight on its own.
   */
  private async drain(): Promise<boolean> {
    if (this.stopping || !this.leading) return false;
    await this.gather();
    if (this.stopping || !this.leading) return false;
    let batch = await this.readBatch(this.checkpoint);
    for (;;) {
      const last = batch.at(-1);
      if (!last) return this.reader.heldBack();
      await this.options.handle(batch);
      const next = { transactionId: last.transactionId, position: last.position };
      if (batch.length < this.batchSize) await this.gather();
      if (this.stopping || !this.leading) {
        await this.saveOnLockSession(next);
        this.checkpoint = next;
        return false;
      }
      try {
        batch = await this.readBatch(next, { session: this.leadingSession(), name: this.options.name });
      } catch (error) {
        // The read failed, and the save with it: saved on its own if it can be, the handled batch is not delivered again.
        await this.saveOnLockSession(next).then(
          () => (this.checkpoint = next),
          () => undefined,
        );
        throw error;
      }
      this.checkpoint = next;
    }
  }

  /**
   * Takes the checkpoint's lock if it is free, on a session of its own, and then reads the checkpoint
   * (the previous holder may have moved it). False when another subscription holds it.
   */
  private async tryToLead(): Promise<boolean> {
    let session = this.lockSession;
    if (!session) {
      const client = new pg.Client(sessionConfig(this.dataSource, 'lock'));
      client.on('error', (error) => this.lockLost(client, error));
      client.on('end', () => this.lockLost(client, new Error('lock session ended')));
      this.lockSession = client;
      try {
        await client.connect();
      } catch (error) {
        this.lockLost(client, error);
        throw error;
      }
      session = client;
    }
    const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [
      CHECKPOINT_LOCK_NAMESPACE,
      this.options.name,
    ]);
    if (!rows[0]?.locked || session !== this.lockSession) return false;
    try {
      this.checkpoint = await this.checkpoints.load(this.options.name);
    } catch (error) {
      await session.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [CHECKPOINT_LOCK_NAMESPACE, this.options.name]).catch(() => undefined);
      throw error;
    }
    this.leading = true;
    return true;
  }

  /** Only the lock holder's session can write: a deposed subscription's save fails instead of moving the checkpoint. */
  private leadingSession(): pg.Client {
    const session = this.lockSession;
    if (!session || !this.leading) throw new Error(`log subscription ${this.options.name} lost its lock before saving its checkpoint`);
    return session;
  }

  private async saveOnLockSession(checkpoint: LogCheckpoint): Promise<void> {
    await this.leadingSession().query({
      name: 'ecab_event_store_save_checkpoint',
      text: SAVE_CHECKPOINT_SQL,
      values: [this.options.name, checkpoint.transactionId.toString(), checkpoint.position.toString()],
    });
  }

  private lockLost(client: pg.Client, error: unknown): void {
    if (client !== this.lockSession) return; // an old session's late event, or stop() ended it
    this.lockSession = undefined;
    const wasLeading = this.leading;
    this.leading = false;
    client.end().catch(() => undefined);
    if (this.stopping) return;
    if (wasLeading) {
      // Whoever already waits takes over; this one comes back as a standby.
      this.deposedUntil = Date.now() + DEPOSED_WAIT_INTERVALS * this.lockIntervalMs;
      this.reportError(error, 1, 'locking');
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopping || (wakeable && this.wakeRequested)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = wakeable ? done : () => this.stopping && done();
    });
  }

  /** Waits `gatherMs` (cut short only by stop()): see LogSubscriptionOptions.gatherMs. */
  private gather(): Promise<void> {
    return this.gatherMs > 0 ? this.sleep(this.gatherMs, false) : Promise.resolve();
  }

  private wake(): void {
    this.wakeRequested = true;
    this.interruptSleep?.();
  }

  private reportError(error: unknown, attempt: number, during: 'processing' | 'listening' | 'locking'): void {
    if (this.options.onError) {
      this.options.onError(error, { attempt, during });
    } else {
      console.error(`log subscription ${this.options.name}: ${during} failed (attempt ${attempt})`, error);
    }
  }
}
