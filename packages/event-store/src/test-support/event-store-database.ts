import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource, type EventStoreDataSourceOptions } from '../data-source.js';
import type { NewEvent } from '../recorded-event.js';
import { runEventStoreMigrations } from '../run-event-store-migrations.js';

export interface EventStoreDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh database with the event store migrated, for one suite. */
export async function createEventStoreDatabase(prefix: string, options: EventStoreDataSourceOptions = {}): Promise<EventStoreDatabase> {
  const database = await createTestDatabase(prefix);
  const dataSource = createEventStoreDataSource(database.url, { poolSize: 4, ...options });
  await dataSource.initialize();
  await runEventStoreMigrations(dataSource);
  return {
    database,
    dataSource,
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export function projectRegistered(name: string, metadata: NewEvent['metadata'] = {}): NewEvent {
  return { type: 'ProjectRegistered', schemaVersion: 1, data: { name, cluster: 'transport' }, metadata };
}

/**
 * A transaction on its own connection that has inserted one event and stays open until `commit`:
 * its event has a smaller position than anything appended meanwhile, but becomes visible last.
 */
export async function openTransactionWithEvent(
  url: string,
  streamId: string,
  streamVersion = 1,
): Promise<{ eventId: string; position: bigint; commit(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ event_id: string; position: string }>(
    `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data)
     VALUES ($1, $2, gen_random_uuid(), 'ProjectRegistered', 1, '{"name":"slow writer"}')
     RETURNING event_id, position`,
    [streamId, streamVersion],
  );
  const row = rows[0]!;
  return {
    eventId: row.event_id,
    position: BigInt(row.position),
    async commit() {
      try {
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
    },
  };
}
