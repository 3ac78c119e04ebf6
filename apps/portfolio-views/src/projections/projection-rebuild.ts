import type { DataSource } from 'typeorm';
import { APPLY_LOCK_SQL, PortfolioProjection } from './portfolio-projection.js';
import { REPLAY_BATCH_SIZE, replayEventStore } from './rebuild-from-event-store.js';
import type { ViewFamily } from './view-family.js';
import type { ViewGenerations } from './view-generations.js';

/** Nest token of the ProjectionRebuild. */
export const PROJECTION_REBUILD = Symbol('PROJECTION_REBUILD');

export type RebuildState = 'idle' | 'building' | 'catching-up' | 'switching' | 'done' | 'failed';

export const REBUILD_STATES: readonly RebuildState[] = ['idle', 'building', 'catching-up', 'switching', 'done', 'failed'];

/** What `GET /api/v1/admin/projections/{name}/rebuild` answers. */
export interface RebuildStatus {
  state: RebuildState;
  /** The schema being filled (or last filled), e.g. `views_4`. */
  generation: string | null;
  /** Events applied to the new generation so far. */
  done: number;
  /** Events in the event store when the rebuild started, plus those it caught up with since. */
  total: number;
  ratePerSecond: number | null;
  etaSeconds: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  error?: string;
}

export class RebuildAlreadyRunningError extends Error {
  constructor(readonly status: RebuildStatus) {
    super(`a rebuild of ${status.generation ?? 'the views'} is already running (${status.state})`);
    this.name = 'RebuildAlreadyRunningError';
  }
}

interface Logger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ProjectionRebuildOptions {
  dataSource: DataSource;
  eventStore: DataSource;
  generations: ViewGenerations;
  families: readonly ViewFamily[];
  /** The live projection: it keeps applying to the old generation while the new one is filled. */
  live: PortfolioProjection;
  log?: Logger;
  batchSize?: number;
  /** How long the catch-up may wait for events the old generation has but the log does not show yet. */
  catchUpTimeoutMs?: number;
}

/**
 * Rebuilds the read tables without downtime: a new generation is filled from the event store while the
 * live one keeps serving and the live consumer keeps applying to it; then the live projection is held
 * between batches, the rest of the log (up to its head) replayed into the new generation until it has at
 * least every stream version the old one has, the reads switched to it in one transaction and the live
 * projection pointed at it, and released. One rebuild at a time per process.
 */
export class ProjectionRebuild {
  private current: RebuildStatus = {
    state: 'idle',
    generation: null,
    done: 0,
    total: 0,
    ratePerSecond: null,
    etaSeconds: null,
    startedAt: null,
    finishedAt: null,
  };
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private started = 0;
  /** Runs after the next successful switch (kept across a failed rebuild, so a retried one still runs it). */
  private afterSwitch: (() => Promise<void>) | undefined;

  constructor(private readonly options: ProjectionRebuildOptions) {}

  status(): RebuildStatus {
    const status = { ...this.current };
    if (this.running && status.done > 0) {
      const seconds = (Date.now() - this.started) / 1000;
      const rate = seconds > 0 ? status.done / seconds : null;
      status.ratePerSecond = rate === null ? null : Math.round(rate);
      status.etaSeconds = rate ? Math.max(0, Math.round((status.total - status.done) / rate)) : null;
    }
    return status;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Starts a rebuild in the background and answers its first status; a rebuild already running is a
   * RebuildAlreadyRunningError. `afterSwitch` runs once, after the first rebuild that switches (e.g. to
   * start the consumer that must not apply to tables of an older shape), while the live projection is held.
   */
  start({ afterSwitch }: { afterSwitch?: () => Promise<void> } = {}): RebuildStatus {
    if (this.running) throw new RebuildAlreadyRunningError(this.status());
    if (afterSwitch) this.afterSwitch = afterSwitch;
    this.abort = new AbortController();
    this.started = Date.now();
    this.current = {
      state: 'building',
      generation: null,
      done: 0,
      total: 0,
      ratePerSecond: null,
      etaSeconds: null,
      startedAt: new Date(this.started).toISOString(),
      finishedAt: null,
    };
    this.running = this.run(this.abort.signal).finally(() => {
      this.running = undefined;
    });
    return this.status();
  }

  /** Resolves when the running rebuild (if any) has ended, switched or failed. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Stops a running rebuild between batches (at shutdown); its half-built generation is dropped. */
  async stop(): Promise<void> {
    this.abort?.abort(new Error('the service is stopping'));
    await this.running;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { dataSource, eventStore, generations, families, live, log, batchSize = REPLAY_BATCH_SIZE, catchUpTimeoutMs = 30_000 } = this.options;
    let schema: string | undefined;
    try {
      const generation = await generations.create();
      schema = generation.schema;
      this.current.generation = schema;
      log?.info({ generation: schema }, 'rebuild: filling a new generation from the event store');
      const target = new PortfolioProjection(dataSource, families, schema);
      let doneBefore = 0;
      const progress = ({ done, total }: { done: number; total: number }): void => {
        this.current.done = doneBefore + done;
        this.current.total = Math.max(this.current.total, doneBefore + total);
      };
      let checkpoint = await replayEventStore(eventStore, target, { batchSize, onProgress: progress, signal });
      // The query indexes, built on the filled tables while the old generation still serves.
      await generations.complete(schema);

      this.current.state = 'catching-up';
      // Held here (this instance's applies wait between batches) and in PostgreSQL (every instance's do).
      const release = await live.pause();
      const lock = dataSource.createQueryRunner();
      try {
        await lock.connect();
        await lock.query(`select pg_advisory_lock(${APPLY_LOCK_SQL})`);
        const oldSchema = live.generation;
        const deadline = Date.now() + catchUpTimeoutMs;
        for (;;) {
          doneBefore = this.current.done;
          checkpoint = await replayEventStore(eventStore, target, { batchSize, from: checkpoint, onProgress: progress, signal });
          // The log shows only transactions older than every one still open: an event the live consumer
          // already applied may still be hidden behind an unrelated open transaction. Wait for it.
          const behind = await missingVersions(dataSource, oldSchema, schema);
          if (behind === 0) break;
          if (Date.now() > deadline) throw new Error(`the new generation still lacks ${behind} stream versions the live one has`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        this.current.state = 'switching';
        signal.throwIfAborted();
        await generations.switchTo(schema);
        live.writeTo(schema);
        const afterSwitch = this.afterSwitch;
        this.afterSwitch = undefined;
        await afterSwitch?.();
      } finally {
        await lock.query(`select pg_advisory_unlock(${APPLY_LOCK_SQL})`).catch(() => undefined);
        await lock.release();
        release();
      }
      this.current = { ...this.status(), state: 'done', finishedAt: new Date().toISOString() };
      log?.info({ generation: schema, events: this.current.done, ms: Date.now() - this.started }, 'rebuild: switched to the new generation');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.current = { ...this.status(), state: 'failed', finishedAt: new Date().toISOString(), error: message };
      log?.error({ generation: schema, err: error }, 'rebuild failed; the old generation keeps serving');
      if (schema) await generations.drop(schema).catch(() => undefined);
    }
  }
}

/** Streams whose version in `from` is past the one in `to` (0 when `from` does not exist). */
async function missingVersions(dataSource: DataSource, from: string, to: string): Promise<number> {
  const exists: unknown[] = await dataSource.query(`select 1 from pg_namespace where nspname = $1`, [from]);
  if (exists.length === 0 || from === to) return 0;
  const [row] = (await dataSource.query(
    `select count(*)::int as n from ${from}.applied_stream_versions o
       left join ${to}.applied_stream_versions n using (stream_id)
      where o.version > coalesce(n.version, 0)`,
  )) as [{ n: number }];
  return row.n;
}
