import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ViewFamily } from './view-family.js';

/** Tables every generation has besides the families' own: what it applied, per stream. */
const GENERATION_TABLES = [
  {
    name: 'applied_stream_versions',
    ddl: [
      // position: the event-store log position of the stream's last applied event, when the event carried it.
      'create table applied_stream_versions (stream_id text primary key, version integer not null, position bigint)',
      'create index applied_stream_versions_position on applied_stream_versions (position)',
    ],
  },
];

/** Read tables of the layout before generations, kept in `public`: dropped once, then rebuilt from the events. */
const LEGACY_TABLES = ['project_activity', 'project_financing', 'project_summary', 'applied_stream_versions'];

export interface Generation {
  /** The PostgreSQL schema holding this generation's tables, e.g. `views_3`. */
  schema: string;
  /** A hash of the DDL it was made with: code with other tables needs a new generation. */
  shape: string;
  state: 'building' | 'live' | 'retired';
}

/**
 * The read tables live in generations: one PostgreSQL schema each (`views_<n>`). The live one is what
 * queries read, through views of the same names in `public` that a switch replaces in one transaction;
 * a rebuild fills a new generation from the event store while the live one keeps serving.
 */
export class ViewGenerations {
  readonly shape: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly families: readonly ViewFamily[],
  ) {
    this.shape = createHash('sha256').update(JSON.stringify(this.tables())).digest('hex').slice(0, 16);
  }

  /** Every table of a generation, the generation's own first. */
  tables(): { name: string; ddl: readonly string[]; indexes?: readonly string[] }[] {
    return [...GENERATION_TABLES, ...this.families.flatMap((f) => f.tables)];
  }

  async ensureCatalogue(): Promise<void> {
    await this.dataSource.query(`
      create table if not exists views_generations (
        schema      text primary key,
        shape       text not null,
        state       text not null check (state in ('building', 'live', 'retired')),
        created_at  timestamptz not null default now(),
        switched_at timestamptz
      )`);
    await this.dataSource.query(`create sequence if not exists views_generation_seq`);
  }

  async live(): Promise<Generation | undefined> {
    const rows: Generation[] = await this.dataSource.query(`select schema, shape, state from views_generations where state = 'live'`);
    return rows[0];
  }

  /**
   * A new, empty generation with every table of the current code, without the indexes only queries
   * read by (`complete` builds them once it is filled; `switchTo` makes sure of it).
   */
  async create(): Promise<Generation> {
    return this.dataSource.transaction(async (manager) => {
      const [{ n }] = (await manager.query(`select nextval('views_generation_seq')::int as n`)) as [{ n: number }];
      const schema = `views_${n}`;
      await manager.query(`create schema ${schema}`);
      await manager.query(`set local search_path to ${schema}, public`);
      for (const table of this.tables()) for (const statement of table.ddl) await manager.query(statement);
      await manager.query(`insert into views_generations (schema, shape, state) values ($1, $2, 'building')`, [schema, this.shape]);
      return { schema, shape: this.shape, state: 'building' as const };
    });
  }

  /** Builds the query indexes of a filled generation (those it has already are kept). */
  async complete(schema: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`set local search_path to ${schema}, public`);
      for (const table of this.tables()) {
        for (const statement of table.indexes ?? []) await manager.query(statement.replace(/^create (unique )?index /, 'create $1index if not exists '));
      }
    });
  }

  /**
   * Makes `schema` the one queries read (its query indexes built first, if they are not yet): the views in `public` are replaced, the previous generation
   * retired and dropped, all in one transaction (a query sees the old tables or the new, never neither).
   * The locks are taken with a short `lock_timeout` and the whole switch retried: a query that holds one
   * view and waits for another (a join) is never made to deadlock with the switch, it waits a moment.
   */
  async switchTo(schema: string, { attempts = 200, lockTimeoutMs = 100 }: { attempts?: number; lockTimeoutMs?: number } = {}): Promise<void> {
    await this.complete(schema);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`set local lock_timeout = '${Math.max(1, Math.floor(lockTimeoutMs))}ms'`);
          await dropLegacyTables(manager);
          for (const { name } of this.tables()) {
            await manager.query(`drop view if exists public.${name} cascade`);
            await manager.query(`create view public.${name} as select * from ${schema}.${name}`);
          }
          const retired = returned<{ schema: string }>(
            await manager.query(`update views_generations set state = 'retired' where state <> 'retired' and schema <> $1 returning schema`, [schema]),
          );
          await manager.query(`update views_generations set state = 'live', switched_at = now() where schema = $1`, [schema]);
          for (const old of retired) await manager.query(`drop schema if exists ${old.schema} cascade`);
        });
        return;
      } catch (error) {
        if (attempt >= attempts || !isLockConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 200)));
      }
    }
  }

  /** Drops a generation that will not be switched to (a rebuild that failed or was stopped). */
  async drop(schema: string): Promise<void> {
    const rows = returned(await this.dataSource.query(`delete from views_generations where schema = $1 and state <> 'live' returning schema`, [schema]));
    if (rows.length > 0) await this.dataSource.query(`drop schema if exists ${schema} cascade`);
  }

  /** Generations a crash left half built: dropped, they are rebuilt from the events when needed. */
  async dropAbandoned(): Promise<void> {
    const rows = returned<{ schema: string }>(await this.dataSource.query(`delete from views_generations where state = 'building' returning schema`));
    for (const { schema } of rows) await this.dataSource.query(`drop schema if exists ${schema} cascade`);
  }
}

async function dropLegacyTables(manager: EntityManager): Promise<void> {
  const legacy: { name: string }[] = await manager.query(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname = any($1)`,
    [LEGACY_TABLES],
  );
  if (legacy.length > 0) await manager.query(`drop table if exists ${legacy.map((t) => `public.${t.name}`).join(', ')} cascade`);
}

/** lock_not_available (lock_timeout) or deadlock_detected: the switch met a reader and tries again. */
function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return code === '55P03' || code === '40P01';
}

/**
 * The rows of an `update`/`delete … returning`: TypeORM answers those as `[rows, affectedCount]` (other
 * statements as the rows), so iterating its answer directly walks the pair, not the rows.
 */
function returned<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
