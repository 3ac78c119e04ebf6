import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The listener and the lock session connect like the data source's pool does, but outside it: LISTEN and a
 * session-level advisory lock each need a connection of their own.
 */
export function sessionConfig(dataSource: DataSource, role: string): pg.ClientConfig {
  const options = dataSource.options;
  if (options.type !== 'postgres') throw new Error(`a session of its own needs a postgres data source, not ${options.type}`);
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    // TypeORM hands the same TLS options to pg; only their typings differ.
    ssl: options.ssl as pg.ClientConfig['ssl'],
    keepAlive: true,
    // The same session limits as the pool's (createEventStoreDataSource puts them in `extra`).
    ...sessionLimits(options.extra),
    application_name: `${options.applicationName ?? 'ecab-event-store'}:${role}`,
  };
}

function sessionLimits(extra: unknown): Pick<pg.ClientConfig, 'statement_timeout' | 'idle_in_transaction_session_timeout'> {
  const { statement_timeout, idle_in_transaction_session_timeout } = (extra ?? {}) as pg.ClientConfig;
  return {
    ...(statement_timeout !== undefined ? { statement_timeout } : {}),
    ...(idle_in_transaction_session_timeout !== undefined ? { idle_in_transaction_session_timeout } : {}),
  };
}
