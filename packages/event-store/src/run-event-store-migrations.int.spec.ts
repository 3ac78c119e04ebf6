import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource } from './data-source.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { runEventStoreMigrations } from './run-event-store-migrations.js';

describe('runEventStoreMigrations', () => {
  let database: TestDatabase;
  let services: DataSource[];

  beforeEach(async () => {
    database = await createTestDatabase('migrations');
    // Each service has its own pool; a pool of one shows the lock needs no second connection.
    services = Array.from({ length: 4 }, () => createEventStoreDataSource(database.url, { poolSize: 1 }));
    await Promise.all(services.map((service) => service.initialize()));
  });
  afterEach(async () => {
    await Promise.all(services.map((service) => service.destroy()));
    await database.drop();
  });

  it('runs once when several services migrate one fresh database at the same time', async () => {
    const executed = await Promise.all(services.map((service) => runEventStoreMigrations(service)));

    expect(executed.flat()).toEqual(['CreateEventStoreTables1732600000000', 'UniqueIdempotencyKeys1732800000000', 'EventsBySubjectAndType1764230400000']);
    const [row] = await services[0]!.query<{ runs: string }[]>('SELECT count(*) AS runs FROM migrations');
    expect(Number(row?.runs)).toBe(3);
    expect(await runEventStoreMigrations(services[1]!)).toEqual([]);
    const { nextVersion } = await new PostgresEventStore(services[2]!).append('project-1', 0, [{ type: 'ProjectRegistered', schemaVersion: 1, data: {} }]);
    expect(nextVersion).toBe(1);
  });

  it('creates the events and checkpoints tables as designed', async () => {
    await runEventStoreMigrations(services[0]!);
    const columns = await services[0]!.query<{ table_name: string; column_name: string; data_type: string }[]>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name IN ('events', 'checkpoints') ORDER BY table_name, ordinal_position`,
    );
    const describe = (table: string) => columns.filter((column) => column.table_name === table).map((column) => `${column.column_name} ${column.data_type}`);
    expect(describe('events')).toEqual([
      'position bigint',
      'stream_id text',
      'stream_version integer',
      'event_id uuid',
      'type text',
      'schema_version integer',
      'data jsonb',
      'metadata jsonb',
      'recorded_at timestamp with time zone',
      'transaction_id xid8',
    ]);
    expect(describe('checkpoints')).toEqual(['name text', 'transaction_id xid8', 'position bigint', 'updated_at timestamp with time zone']);
    const indexes = await services[0]!.query<{ indexname: string }[]>(`SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY indexname`);
    expect(indexes.map((index) => index.indexname)).toEqual([
      'events_event_id_key',
      'events_idempotency_key_idx',
      'events_pkey',
      'events_stream_id_stream_version_key',
      'events_subject_type_idx',
      'events_transaction_id_position_idx',
    ]);
  });
});
