import { randomBytes } from 'node:crypto';
import { upcast } from '@ecab/contracts';
import { CURRENCIES } from '@ecab/domain';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '@ecab/event-store';
import { portfolioEventFromRecorded } from '@ecab/messaging';
import type { DataSource } from 'typeorm';
import { PortfolioProjection } from '../../projections/portfolio-projection.js';
import type { Sql } from '../../sql.js';
import type { ViewFamily } from '../../projections/view-family.js';
import { ViewGenerations } from '../../projections/view-generations.js';
import { EffectiveOnCut } from './effective-on.js';

/** What a time-travel read answers: as recorded at an instant, as effective on a date, or both (the intersection). */
export interface TimeTravelRequest {
  /** ISO 8601 date-time: only events recorded at or before it (what the platform knew then). */
  recordedAt?: string | undefined;
  /** YYYY-MM-DD: only what had taken effect in the world by the end of that day (see `EffectiveOnCut`). */
  effectiveOn?: string | undefined;
  /** Replay only this project's events (and the reference data), for a query of one project. */
  projectId?: string | undefined;
}

/** The schemas replays of the whole portfolio build in: `time_travel_<unix seconds>_<random>`. */
const REPLAY_SCHEMA_PREFIX = 'time_travel_';

/**
 * Drops the replay schemas a stopped process left behind (older than `olderThanSeconds`: another
 * instance's replay running now is kept).
 */
export async function dropAbandonedReplays(dataSource: DataSource, olderThanSeconds = 3600): Promise<void> {
  const rows: { nspname: string }[] = await dataSource.query(`select nspname from pg_namespace where nspname ~ '^${REPLAY_SCHEMA_PREFIX}[0-9]+_[0-9a-f]+$'`);
  const cutoff = Math.floor(Date.now() / 1000) - olderThanSeconds;
  for (const { nspname } of rows) {
    if (Number(nspname.slice(REPLAY_SCHEMA_PREFIX.length).split('_')[0]) < cutoff) await dataSource.query(`drop schema if exists ${nspname} cascade`);
  }
}

/**
 * Reference streams a project's answer reads besides the project's own: the exchange rates (USD
 * equivalents). Listed by name, so reading them walks the (stream_id, stream_version) index.
 */
const REFERENCE_STREAMS: readonly string[] = Object.keys(CURRENCIES).map((currency) => `exchange-rates-${currency}`);

/**
 * Time travel answered from the event store, not from history tables: a throw-away schema gets every
 * family's tables (the DDL of a generation), the selected events are replayed into it by the same
 * `PortfolioProjection` the live tables use, and the query's own SQL runs there. For one project all of it
 * is one transaction, rolled back; for the whole portfolio each batch is a short transaction of its own
 * (a transaction open for the whole replay would hold back every consumer of the log) and the schema,
 * unlogged, is dropped after. Concurrent reads never see each other's schemas.
 *
 * Cost: a query of one project replays that project's streams (found through the live `project_activity`
 * index) and the exchange rates; a portfolio-wide query replays the whole event store, in batches. Each
 * replay holds a pooled connection throughout, so only `concurrency` run at once (the others wait their
 * turn): the live projection and the other queries keep their connections.
 */
export class TimeTravel {
  private readonly tables: readonly { name: string; ddl: readonly string[] }[];
  private readonly turns: Turns;

  constructor(
    private readonly dataSource: DataSource,
    private readonly families: readonly ViewFamily[],
    private readonly options: { batchSize?: number; concurrency?: number } = {},
  ) {
    this.tables = new ViewGenerations(dataSource, families).tables();
    this.turns = new Turns(options.concurrency ?? 2);
  }

  async read<T>(request: TimeTravelRequest, run: (sql: Sql) => Promise<T>): Promise<T> {
    return this.turns.take(() => this.replay(request, run));
  }

  private async replay<T>(request: TimeTravelRequest, run: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const sql: Sql = (text, params) => runner.query(text, params as unknown[] | undefined);
    // One project: everything in one transaction, rolled back (short, it holds nothing up). The whole
    // portfolio: each step in its own short transaction, so no transaction stays open for the replay's
    // length (one would hold back every consumer reading the log after it); the schema is dropped after.
    const whole = request.projectId === undefined;
    const schema = `${REPLAY_SCHEMA_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
    const step = async <R>(work: () => Promise<R>): Promise<R> => {
      if (!whole) return work();
      await runner.startTransaction();
      try {
        const result = await work();
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    };
    try {
      if (!whole) await runner.startTransaction('REPEATABLE READ');
      const events = await this.eventsTable(sql);
      const streams = whole ? undefined : await this.streamsOf(sql, request.projectId!);
      await step(async () => {
        await sql(`create schema ${schema}`);
        await sql(`set local search_path to ${schema}, public`);
        // The tables without the query indexes (a replay's tables are read once), unlogged (never kept).
        for (const table of this.tables) for (const statement of table.ddl) await sql(statement.replace(/^create table /, 'create unlogged table '));
      });
      const projection = new PortfolioProjection(this.dataSource, this.families, schema);
      const cut = request.effectiveOn === undefined ? undefined : new EffectiveOnCut(request.effectiveOn);
      for await (const batch of this.readLog(sql, events, streams, request.recordedAt)) {
        const replayed = batch.map((row) => upcast(portfolioEventFromRecorded(toRecordedEvent(row))));
        await step(() => projection.applyWithin(sql, cut ? cut.select(replayed) : replayed, { allowGaps: true }));
      }
      return await step(async () => {
        await sql(`set local search_path to ${schema}, public`);
        return run(sql);
      });
    } finally {
      try {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if (whole) await sql(`drop schema if exists ${schema} cascade`);
      } finally {
        await runner.release();
      }
    }
  }

  /** The event store's table, schema-qualified: the replay's search_path points elsewhere. */
  private async eventsTable(sql: Sql): Promise<string> {
    const rows: { schema: string | null }[] = await sql(
      `select n.nspname as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass('events')`,
    );
    const schema = rows[0]?.schema;
    if (!schema) throw new Error("the event store's events table is not in this database");
    return `"${schema.replaceAll('"', '""')}".events`;
  }

  /**
   * The streams of a project: its own, those the live view has seen for it (agreements, contracts,
   * milestones…; `project_activity` is indexed by project), and the reference streams. A stream the live
   * view has not applied yet is missed — `consistentWith` waits for it.
   */
  private async streamsOf(sql: Sql, projectId: string): Promise<string[]> {
    const rows: { stream_id: string }[] = await sql('select distinct stream_id from project_activity where project_id = $1', [projectId]);
    return [...new Set([`project-${projectId}`, ...rows.map((r) => r.stream_id), ...REFERENCE_STREAMS])];
  }

  /** The log in (transaction id, position) order, as the live consumers read it; cut at recordedAt. */
  private async *readLog(sql: Sql, events: string, streams: string[] | undefined, recordedAt: string | undefined): AsyncGenerator<EventRow[]> {
    const until = recordedAt ?? null;
    if (streams) {
      // One project: a few streams, read whole through the stream index.
      yield await sql(
        `select ${EVENT_COLUMNS} from ${events}
          where stream_id = any($1) and ($2::timestamptz is null or recorded_at <= $2::timestamptz)
          order by transaction_id, position`,
        [streams, until],
      );
      return;
    }
    const batchSize = this.options.batchSize ?? 2000;
    let after = { transactionId: '0', position: '0' };
    for (;;) {
      const rows: EventRow[] = await sql(
        `select ${EVENT_COLUMNS} from ${events}
          where (transaction_id, position) > ($1::text::xid8, $2::bigint)
            and ($3::timestamptz is null or recorded_at <= $3::timestamptz)
          order by transaction_id, position limit $4`,
        [after.transactionId, after.position, until, batchSize],
      );
      if (rows.length === 0) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = { transactionId: last.transaction_id_text, position: last.position };
      if (rows.length < batchSize) return;
    }
  }
}

/** At most `limit` tasks at once; the others start in the order they asked. */
class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async take<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
