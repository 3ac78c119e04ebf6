import type { DataSource } from 'typeorm';
import { StatementNames, type Sql } from '../sql.js';

/** The part of node-postgres' pool a read needs (TypeORM's PostgreSQL driver keeps it as `master`). */
interface StatementPool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller's own annotation
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
}

/**
 * Runs the queries' statements as named prepared statements on the data source's pool: each connection
 * parses and plans a statement once, and PostgreSQL then reuses its plan (a generic one once it is no
 * dearer than the custom ones), which for the profile's statement costs far more than running it. The
 * rows are what `dataSource.query` returns for a select (node-postgres' rows, same type parsers), and
 * errors are node-postgres' own (`code` on the error, as `isDatabaseUnavailable` reads it). Falls back to
 * `dataSource.query` when the driver has no pool (not PostgreSQL, or not initialised).
 */
export class PreparedSql {
  readonly #names = new StatementNames('ecab_views');

  constructor(private readonly dataSource: DataSource) {}

  /** The statement's name: derived from its text, so every instance and connection agrees on it. */
  nameOf(text: string): string | undefined {
    return this.#names.nameOf(text);
  }

  readonly sql: Sql = async (text, params) => {
    const pool = (this.dataSource.driver as unknown as { master?: StatementPool }).master;
    if (!pool) return this.dataSource.query(text, params as unknown[] | undefined);
    const name = this.nameOf(text);
    const result = await pool.query({ ...(name !== undefined ? { name } : {}), text, values: params as unknown[] | undefined });
    return result.rows;
  };
}
