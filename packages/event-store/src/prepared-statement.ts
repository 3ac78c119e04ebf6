import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A statement that each pooled connection prepares once (node-postgres caches it by name). The append and
 * the log reads run thousands of times a second, and parsing and planning them every time costs more
 * than running them: measured 3.3k vs 9k appends/s with 16 writers. Runs on the data source's own pool,
 * straight on node-postgres: a TypeORM query runner per statement (and the entity manager it builds)
 * cost about twice the Node CPU of the statement itself (measured ~35 vs ~18 µs a statement).
 */
export class PreparedStatement<Row> {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  async run(dataSource: DataSource, values: unknown[]): Promise<Row[]> {
    // pg-pool takes a connection, runs the statement and gives the connection back (or drops it if it broke).
    const result = await poolOf(dataSource).query<Row & pg.QueryResultRow>({ name: this.name, text: this.text, values });
    return result.rows;
  }

  /** On a session of the caller's own (a subscription's lock session), which prepares it once too. */
  async runOn(session: pg.ClientBase, values: unknown[]): Promise<Row[]> {
    const result = await session.query<Row & pg.QueryResultRow>({ name: this.name, text: this.text, values });
    return result.rows;
  }
}

/** The pg Pool under a TypeORM postgres data source (its driver's `master`), once the data source is initialized. */
export function poolOf(dataSource: DataSource): pg.Pool {
  const pool = (dataSource.driver as unknown as { master?: pg.Pool }).master;
  if (!pool) throw new Error('the data source is not initialized (no connection pool to run the statement on)');
  return pool;
}
