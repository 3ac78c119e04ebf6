import type { DataSource } from 'typeorm';
import { LOG_START, type LogCheckpoint } from './log-reader.js';

/**
 * How many events the store holds, for a public /metrics: counted in full once, then only the events
 * committed since, walking the (transaction_id, position) index from where the last count stopped. Gap-safe
 * like the log reader: an event of a transaction still running is counted once that transaction ends.
 * Scrapes arriving together share one query.
 */
export class StoredEventCount {
  #counted = 0;
  #after: LogCheckpoint = LOG_START;
  #running: Promise<number> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  count(): Promise<number> {
    this.#running ??= this.#countNew().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #countNew(): Promise<number> {
    const [row] = await this.dataSource.query<{ fresh: string; transaction_id: string | null; position: string | null }[]>(
      `WITH fresh AS MATERIALIZED (
         SELECT transaction_id, position FROM events
         WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           AND (transaction_id, position) > ($1::text::xid8, $2::bigint)
       )
       SELECT (SELECT count(*) FROM fresh) AS fresh, last.transaction_id::text AS transaction_id, last.position::text AS position
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT transaction_id, position FROM fresh ORDER BY transaction_id DESC, position DESC LIMIT 1) last ON true`,
      [this.#after.transactionId.toString(), this.#after.position.toString()],
    );
    if (row?.transaction_id && row.position) {
      this.#counted += Number(row.fresh);
      this.#after = { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
    }
    return this.#counted;
  }
}

/**
 * Seconds since the oldest open transaction on the server began, among those holding the xmin horizon
 * (an xid, or a snapshot: pg_stat_activity.backend_xid / backend_xmin): while it lasts the log reader
 * delivers nothing committed after it. 0 when none is open. Sessions of other roles show only when the
 * platform's role may see them (pg_read_all_stats).
 */
export async function oldestHorizonTransactionAgeSeconds(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ age: number | string | null }[]>(
    `SELECT extract(epoch FROM max(clock_timestamp() - xact_start)) AS age FROM pg_stat_activity
     WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL)`,
  );
  return Math.max(0, Number(row?.age ?? 0));
}
