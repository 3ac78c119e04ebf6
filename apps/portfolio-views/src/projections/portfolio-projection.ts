import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import { BatchRows, readTableShapes, type TableShape } from './batch-rows.js';
import { StatementNames, type Sql } from '../sql.js';
import type { ViewFamily } from './view-family.js';
import { AppliedVersionWatch, type VersionWaitOutcome } from './applied-version-watch.js';
import { laneSlices } from './lanes.js';

/** The part of a node-postgres pool client (what TypeORM's query runner connects to) an apply needs. */
interface StatementClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller's own annotation
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
}

/** The projection's name where one is needed (metrics, logs). */
export const PORTFOLIO_VIEWS = 'portfolioViews';

/** An event arrived with a version past the next one expected: something before it is missing. */
export class ProjectionGapError extends Error {
  constructor(
    readonly streamId: string,
    readonly applied: number,
    readonly received: number,
  ) {
    super(`${streamId}: received version ${received} but only ${applied} is applied`);
    this.name = 'ProjectionGapError';
  }
}

type Listener = (streamId: string, version: number) => void;

/**
 * Held shared by every apply of a live projection (in its transaction) and exclusively by a rebuild while
 * it catches up and switches: the pause that holds the projections of every instance, not only this one's.
 */
export const APPLY_LOCK_SQL = `hashtext('portfolio-views-apply')`;

/**
 * Applies events to every read-table family of one generation (a PostgreSQL schema). A batch is applied
 * in one transaction together with the last applied version per stream, so redelivered events (Kafka is
 * at-least-once) are skipped and the effect is exactly once. A version row is made and locked in one
 * statement, so two appliers racing on a stream neither has seen queue on its row instead of both applying.
 */
export class PortfolioProjection {
  private readonly listeners = new Set<Listener>();
  /** Applies running now; a pause waits for them to end. */
  private inFlight = 0;
  private drained: (() => void) | undefined;
  /** Set while paused: applies wait on it before they start. */
  private hold: Promise<void> | undefined;
  private readonly shapes = new Map<string, ReadonlyMap<string, TableShape>>();
  private watch: AppliedVersionWatch | undefined;
  private readonly statements = new StatementNames('ecab_apply');

  /**
   * `followLive`: the live projection of a running service — it takes the apply lock shared and writes to
   * whatever generation is live, so it follows a switch made by another instance's rebuild. A projection
   * filling a generation being built (or a throw-away one) does neither.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: readonly ViewFamily[],
    private schema: string,
    private readonly options: { followLive?: boolean } = {},
  ) {}

  /** The generation it writes to. */
  get generation(): string {
    return this.schema;
  }

  /** Writes to another generation from the next batch on (after a rebuild switched the reads to it). */
  writeTo(schema: string): void {
    this.schema = schema;
  }

  onApplied(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Holds the projection between batches: waits until the applies running now have committed, and makes
   * every later apply wait until the returned release is called (a rebuild catching up and switching).
   * Pauses queue: a second one starts when the first is released.
   */
  async pause(): Promise<() => void> {
    while (this.hold) await this.hold;
    let release!: () => void;
    this.hold = new Promise<void>((resolve) => (release = resolve));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.drained = undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.hold = undefined;
      release();
    };
  }

  get paused(): boolean {
    return this.hold !== undefined;
  }

  async apply(events: readonly PortfolioEvent[]): Promise<void> {
    if (events.length === 0) return;
    while (this.hold) await this.hold;
    this.inFlight += 1;
    try {
      await this.applyNow(events);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /**
   * Applies a batch in up to `lanes` transactions at once, each on its own connection, a subject's events
   * all in one of them (laneSlices): the concurrency the live projection already has across Kafka
   * partitions, which are keyed by subject too. A lane that fails leaves the others committed (applying the
   * batch again skips what they applied); every lane has ended when this returns or throws.
   */
  async applyInLanes(events: readonly PortfolioEvent[], lanes: number): Promise<void> {
    const outcomes = await Promise.allSettled(laneSlices(events, lanes).map((slice) => this.apply(slice)));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async applyNow(events: readonly PortfolioEvent[]): Promise<void> {
    const applied = await this.inTransaction(async (sql) => {
      if (!this.options.followLive) return this.applyWithin(sql, events);
      // One statement: the apply lock, the live generation, and the search path set to it.
      const [row] = (await sql(
        `select set_config('search_path', coalesce((select schema from views_generations where state = 'live'), $1) || ', public', true) as path
           from (select pg_advisory_xact_lock_shared(${APPLY_LOCK_SQL})) as locked`,
        [this.schema],
      )) as [{ path: string }];
      const live = row.path.split(',')[0]!;
      if (live !== this.schema) this.schema = live;
      return this.applyWithin(sql, events, { searchPathSet: true });
    });
    for (const [streamId, version] of applied) for (const listener of this.listeners) listener(streamId, version);
  }

  /**
   * Runs `work` in a transaction on a pooled connection, each statement a named prepared statement of the
   * generation written to: a batch of a live apply holds one or two events and some fifteen statements,
   * and parsing and planning each of them every time cost PostgreSQL more than running them.
   */
  private async inTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('master');
    // For the postgres driver the query runner's connection is a node-postgres pool client.
    const client = (await runner.connect()) as StatementClient;
    const sql: Sql = async (text, params) => {
      const name = this.statements.nameOf(text, this.schema);
      const result = await client.query({ ...(name !== undefined ? { name } : {}), text, values: params as unknown[] | undefined });
      return result.rows;
    };
    try {
      await client.query({ text: 'begin' });
      let result: T;
      try {
        result = await work(sql);
      } catch (error) {
        await client.query({ text: 'rollback' }).catch(() => undefined);
        throw error;
      }
      await client.query({ text: 'commit' });
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * Applies a batch inside the caller's transaction (`apply` opens one; a time-travel replay runs in its
   * own, rolled back) and answers the last version applied per stream; listeners are not told (the caller
   * knows when its transaction commits). `allowGaps` is for a replay that leaves events out on purpose
   * (time travel by effective date): a stream's version may then jump; the live path never passes it.
   */
  async applyWithin(
    sql: Sql,
    events: readonly PortfolioEvent[],
    { allowGaps = false, searchPathSet = false }: { allowGaps?: boolean; searchPathSet?: boolean } = {},
  ): Promise<ReadonlyMap<string, number>> {
    const applied = new Map<string, number>();
    const positions = new Map<string, string>();
    if (events.length === 0) return applied;
    if (!searchPathSet) await sql(`set local search_path to ${this.schema}, public`);
    // Sorted, so two batches sharing streams take their row locks in the same order (no deadlock). A
    // stream's row is made if missing and locked in the same statement: `do update` waits for a batch
    // applying it now and answers the version that batch committed, so two appliers of a stream neither has
    // seen queue on its row instead of both applying.
    const streamIds = [...new Set(events.map((e) => e.streamId))].sort();
    const rows: { stream_id: string; version: number }[] = await sql(
      `insert into applied_stream_versions (stream_id, version) select unnest($1::text[]), 0
         on conflict (stream_id) do update set version = applied_stream_versions.version
       returning stream_id, version`,
      [streamIds],
    );
    const known = new Map(rows.map((r) => [r.stream_id, r.version]));
    const toApply: PortfolioEvent[] = [];
    for (const event of events) {
      const current = applied.get(event.streamId) ?? known.get(event.streamId) ?? 0;
      if (event.streamVersion <= current) continue;
      if (event.streamVersion !== current + 1 && !allowGaps) throw new ProjectionGapError(event.streamId, current, event.streamVersion);
      toApply.push(event);
      applied.set(event.streamId, event.streamVersion);
      if (event.position !== undefined) positions.set(event.streamId, event.position);
    }
    if (applied.size === 0) return applied;
    const batch = new BatchRows(await this.shapesOf(sql));
    for (const event of toApply) for (const family of this.families) family.needs?.(event, batch);
    await batch.load(sql);
    for (const event of toApply) {
      for (const family of this.families) {
        family.change?.(event, batch);
        if (family.apply) await family.apply(sql, event);
      }
    }
    await batch.flush(sql);
    // With the log position of the stream's last applied event: the highest one is the position the
    // tables reflect (`ECAB-Position`), kept per stream so concurrent appliers share no hot row.
    const streams = [...applied.keys()];
    await sql(
      `update applied_stream_versions a set version = t.v, position = coalesce(t.p, a.position)
         from unnest($1::text[], $2::int[], $3::bigint[]) as t(s, v, p) where a.stream_id = t.s`,
      [streams, streams.map((s) => applied.get(s)), streams.map((s) => positions.get(s) ?? null)],
    );
    return applied;
  }

  /** The tables of the generation it writes to, read from its catalog once. */
  private async shapesOf(sql: Sql): Promise<ReadonlyMap<string, TableShape>> {
    let shapes = this.shapes.get(this.schema);
    if (!shapes) {
      shapes = await readTableShapes(sql, this.schema, new Map(this.families.flatMap((f) => f.tables.map((t) => [t.name, t.key] as const))));
      this.shapes.set(this.schema, shapes);
    }
    return shapes;
  }

  /** The highest event-store log position applied to the generation it writes to (0: none known). */
  async appliedPosition(): Promise<bigint> {
    const rows: { position: string | null }[] = await this.dataSource.query(
      `select max(position)::text as position from ${this.schema}.applied_stream_versions`,
    );
    return BigInt(rows[0]?.position ?? 0);
  }

  /** The stream's version the live tables reflect (0: none of it). */
  async appliedVersion(streamId: string): Promise<number> {
    return (await this.appliedVersions([streamId])).get(streamId) ?? 0;
  }

  /** The versions the live tables reflect of these streams (one not yet seen is left out). */
  async appliedVersions(streamIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const rows: { stream_id: string; version: number }[] = await this.dataSource.query(
      'select stream_id, version from applied_stream_versions where stream_id = any($1)',
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, r.version]));
  }

  /**
   * Waits until the live tables reflect the stream's version (this instance's applies or another's), at
   * most `timeoutMs`: every reader waiting shares one watch (AppliedVersionWatch).
   */
  waitForVersion(streamId: string, version: number, timeoutMs: number): Promise<VersionWaitOutcome> {
    this.watch ??= new AppliedVersionWatch(
      (ids) => this.appliedVersions(ids),
      (listener) => this.onApplied(listener),
    );
    return this.watch.waitFor(streamId, version, timeoutMs);
  }

  /** Lets the readers still waiting go (shutting down). */
  stopWatching(): void {
    this.watch?.close();
    this.watch = undefined;
  }
}
