import type { PortfolioEvent } from '@ecab/contracts';
import type { Sql } from '../sql.js';
import type { BatchRows } from './batch-rows.js';

/**
 * A read table: its name (the query side reads it under this name), its key (the columns its rows are
 * found and written by), the DDL that makes it with what applying events needs, and the indexes the
 * queries read by, built once a generation is filled (a rebuild fills a table faster without them).
 */
export interface ViewTable {
  readonly name: string;
  readonly key: readonly string[];
  /** Unqualified DDL: it runs with `search_path` set to the generation's schema. */
  readonly ddl: readonly string[];
  /**
   * `create index` statements, unqualified like `ddl`; `create unique index` for the key of a table whose
   * rows are only appended (one per event applied once), which need not be checked while a rebuild fills it.
   */
  readonly indexes?: readonly string[];
}

/**
 * One family of read tables, named after the aggregate whose events it reads (`project`, `agreement`,
 * `contract`…). A batch of events is applied in three steps, inside the projection's transaction with
 * `search_path` set to the generation being written, so the same code fills the live tables, a rebuild
 * and a time-travel replay:
 * 1. `needs`: each family says which rows each event reads or changes; they are read, one statement per table;
 * 2. event by event, in order, every family in the order of `VIEW_FAMILIES`: `change` changes the rows in
 *    memory, `apply` (for events too rare to gather, on tables no `change` touches) runs its own statements;
 * 3. the rows changed are written back, one statement per table.
 * An event no family knows only moves its stream's version.
 */
export interface ViewFamily {
  readonly name: string;
  readonly tables: readonly ViewTable[];
  needs?(event: PortfolioEvent, rows: BatchRows): void;
  change?(event: PortfolioEvent, rows: BatchRows): void;
  apply?(sql: Sql, event: PortfolioEvent): Promise<void>;
}
