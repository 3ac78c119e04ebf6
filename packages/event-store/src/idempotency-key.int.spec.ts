import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource } from './data-source.js';
import { DuplicateIdempotencyKeyError, PostgresEventStore } from './postgres-event-store.js';
import { runEventStoreMigrations } from './run-event-store-migrations.js';

describe('idempotency keys in the event store (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('idempotency');
    dataSource = createEventStoreDataSource(database.url);
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const event = (key: string | undefined, causationId: string) => ({
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { n: 1 },
    metadata: { causationId, ...(key ? { idempotencyKey: key } : {}) },
  });

  it('refuses a second append with the same key, even on another stream, and stores nothing of it', async () => {
    await store.append('project-A', 0, [event('alice:k1', 'cmd-1')]);
    await expect(store.append('project-B', 0, [event('alice:k1', 'cmd-2')])).rejects.toThrow(DuplicateIdempotencyKeyError);
    expect(await store.streamVersion('project-B')).toBe(0);
    await store.append('project-A', 1, [event(undefined, 'cmd-3'), event(undefined, 'cmd-3')]);
    expect(await store.streamVersion('project-A')).toBe(3);
  });

  it('lets exactly one of concurrent appends with one key through', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => store.append(`project-C${n}`, 0, [event('bob:k2', `cmd-c${n}`)])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof DuplicateIdempotencyKeyError)).toBe(true);
  });

  it('finds the events of the command that carried a key', async () => {
    await store.append('project-D', 0, [
      { ...event('carol:k3', 'cmd-d'), data: { first: true } },
      { ...event(undefined, 'cmd-d'), data: { second: true } },
    ]);
    await store.append('project-D', 2, [event(undefined, 'cmd-other')]);
    const found = await store.readByIdempotencyKey('carol:k3');
    expect(found.map((e) => [e.streamId, e.streamVersion, e.data])).toEqual([
      ['project-D', 1, { first: true }],
      ['project-D', 2, { second: true }],
    ]);
    expect(await store.readByIdempotencyKey('nobody:none')).toEqual([]);
  });
});
