import { DataSource, type MigrationInterface } from 'typeorm';
import { eventStoreMigrations } from './migrations/index.js';
import { pgSessionSettings, sessionTimeoutsFromEnv, type SessionTimeouts } from './session-timeouts.js';

export interface EventStoreDataSourceOptions {
  /** Maximum pooled connections; 20 keeps 16 concurrent writers from queueing. */
  poolSize?: number;
  applicationName?: string;
  /** An app's own migrations (e.g. the users table), run together with the event store's by runEventStoreMigrations. */
  extraMigrations?: (new () => MigrationInterface)[];
  /** statement_timeout and idle_in_transaction_session_timeout of every session; default from the environment. */
  sessionTimeouts?: SessionTimeouts;
}

/** A TypeORM postgres DataSource with the event store's migrations registered (not run: see runEventStoreMigrations). */
export function createEventStoreDataSource(url: string, options: EventStoreDataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    poolSize: options.poolSize ?? 20,
    applicationName: options.applicationName ?? 'ecab-event-store',
    migrations: [...eventStoreMigrations, ...(options.extraMigrations ?? [])],
    migrationsRun: false,
    synchronize: false,
    entities: [],
    extra: pgSessionSettings(options.sessionTimeouts ?? sessionTimeoutsFromEnv()),
  });
}
