import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import type { Sql, ViewFamily } from './view-family.js';

/** The projection's name where one is needed (metrics, logs). */
export const PORTFOLIO_VIEWS = 'portfolioViews';

/** An event arrived with a version past the next one expected: something before it is missing. */
export class ProjectionGapError extends Error {
  constructor(readonly streamId: string, readonly applied: number, readonly received: number) {
    super(`${streamId}: received version ${received} but only ${applied} is applied`);
    this.name = 'ProjectionGapError';
  }
}

type Listener = (streamId: string, version: number) => void;

/**
 * Applies events to every read-table family of one generation (a PostgreSQL schema). A batch is applied
 * in one transaction together with the last applied version per stream, so redelivered events (Kafka is
 * at-least-once) are skipped and the effect is exactly once. The version rows are created before they are
 * locked, so two appliers racing on a stream neither has seen queue on its row instead of both applying.
 */
export class PortfolioProjection {
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly families: readonly ViewFamily[],
    private schema: string,
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

  async apply(events: readonly PortfolioEvent[]): Promise<void> {
    if (events.length === 0) return;
    const applied = await this.dataSource.transaction((manager) => this.applyWithin((text, params) => manager.query(text, params as unknown[] | undefined), events));
    for (const [streamId, version] of applied) for (const listener of this.listeners) listener(streamId, version);
  }

  /**
   * Applies a batch inside the caller's transaction (`apply` opens one; a time-travel replay runs in its
   * own, rolled back) and answers the last version applied per stream; listeners are not told (the caller
   * knows when its transaction commits). `allowGaps` is for a replay that leaves events out on purpose
   * (time travel by effective date): a stream's version may then jump; the live path never passes it.
   */
  async applyWithin(sql: Sql, events: readonly PortfolioEvent[], { allowGaps = false }: { allowGaps?: boolean } = {}): Promise<ReadonlyMap<string, number>> {
    const applied = new Map<string, number>();
    if (events.length === 0) return applied;
    await sql(`set local search_path to ${this.schema}, public`);
    // Sorted, so two batches sharing streams take their row locks in the same order (no deadlock).
    const streamIds = [...new Set(events.map((e) => e.streamId))].sort();
    await sql('insert into applied_stream_versions (stream_id, version) select unnest($1::text[]), 0 on conflict do nothing', [streamIds]);
    const rows: { stream_id: string; version: number }[] = await sql(
      'select stream_id, version from applied_stream_versions where stream_id = any($1) order by stream_id for update',
      [streamIds],
    );
    const known = new Map(rows.map((r) => [r.stream_id, r.version]));
    for (const event of events) {
      const current = applied.get(event.streamId) ?? known.get(event.streamId) ?? 0;
      if (event.streamVersion <= current) continue;
      if (event.streamVersion !== current + 1 && !allowGaps) throw new ProjectionGapError(event.streamId, current, event.streamVersion);
      for (const family of this.families) await family.apply(sql, event);
      applied.set(event.streamId, event.streamVersion);
    }
    if (applied.size === 0) return applied;
    await sql(
      `update applied_stream_versions a set version = t.v from unnest($1::text[], $2::int[]) as t(s, v) where a.stream_id = t.s`,
      [[...applied.keys()], [...applied.values()]],
    );
    return applied;
  }

  /** The stream's version the live tables reflect (0: none of it). */
  async appliedVersion(streamId: string): Promise<number> {
    const rows: { version: number }[] = await this.dataSource.query('select version from applied_stream_versions where stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }
}
