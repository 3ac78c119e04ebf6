import type { PortfolioEvent } from '@ecab/contracts';

/** Runs one SQL statement on the projection's (or a query's) connection; rows as node-postgres returns them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller's own annotation
export type Sql = (text: string, params?: readonly unknown[]) => Promise<any[]>;

/** A read table: its name (the query side reads it under this name) and the DDL that makes it and its indexes. */
export interface ViewTable {
  readonly name: string;
  /** Unqualified DDL: it runs with `search_path` set to the generation's schema. */
  readonly ddl: readonly string[];
}

/**
 * One family of read tables, named after the aggregate whose events it reads (`project`, `agreement`,
 * `contract`…). `apply` runs inside the projection's transaction, with `search_path` set to the
 * generation being written, so the same code fills the live tables, a rebuild and a time-travel replay.
 * Families apply in the order of `VIEW_FAMILIES`, event by event (`apply`), then batch by batch (`applyBatch`); an event no family knows only moves its stream's version.
 */
export interface ViewFamily {
  readonly name: string;
  readonly tables: readonly ViewTable[];
  apply?(sql: Sql, event: PortfolioEvent): Promise<void>;
  /**
   * Once per batch, after every family applied each event: what a family can write for the whole batch in
   * one statement instead of one per event (the events applied, in order; never empty).
   */
  applyBatch?(sql: Sql, events: readonly PortfolioEvent[]): Promise<void>;
}
