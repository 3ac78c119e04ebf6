import { envWholeNumber } from '@ecab/config';

/**
 * Limits on the platform's own PostgreSQL sessions. The log reader's horizon is server-wide: while any
 * transaction that holds an xid stays open, no later event is delivered (docs/RELIABILITY.md). So a
 * statement of ours that runs away, or a transaction of ours left idle, is ended by the server instead
 * of stalling delivery for everyone. 0 turns a limit off.
 *
 * The defaults leave room for the longest legitimate work: the relay and the log reader run short
 * statements (a batch of 500 rows); a rebuild or a time-travel replay applies batches, each statement
 * short, with only decoding in Node between them; migrations are the longest single statements.
 */
export interface SessionTimeouts {
  /** DATABASE_STATEMENT_TIMEOUT_MS, default 300000 (5 min). */
  statementTimeoutMs: number;
  /** DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, default 60000 (1 min). */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_SESSION_TIMEOUTS: Readonly<SessionTimeouts> = Object.freeze({ statementTimeoutMs: 300_000, idleInTransactionTimeoutMs: 60_000 });

export function sessionTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): SessionTimeouts {
  return {
    statementTimeoutMs: milliseconds(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_SESSION_TIMEOUTS.statementTimeoutMs),
    idleInTransactionTimeoutMs: milliseconds(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', DEFAULT_SESSION_TIMEOUTS.idleInTransactionTimeoutMs),
  };
}

/** The settings as node-postgres sends them in the startup message (a TypeORM data source's `extra`, or a pg.Client's config). */
export function pgSessionSettings(timeouts: SessionTimeouts): { statement_timeout: number; idle_in_transaction_session_timeout: number } {
  return { statement_timeout: timeouts.statementTimeoutMs, idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs };
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return envWholeNumber(env, name, fallback, { unit: 'milliseconds, 0 = no limit' });
}
