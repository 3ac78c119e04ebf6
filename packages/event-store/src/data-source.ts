import { DataSource } from 'typeorm';
import { eventStoreMigrations } from './migrations/index.js';

export interface EventStoreDataSourceOptions {
  /** Maximum pooled connections; 20 keeps 16 concurrent writers from queueing. */
  poolSize?: number;
  applicationName?: string;
}

/** A TypeORM postgres DataSource with the event store's migrations registered (not run: see runEventStoreMigrations). */
export function createEventStoreDataSource(url: string, options: EventStoreDataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    poolSize: options.poolSize ?? 20,
    applicationName: options.applicationName ?? 'ecab-event-store',
    migrations: eventStoreMigrations,
    migrationsRun: false,
    synchronize: false,
    entities: [],
  });
}
