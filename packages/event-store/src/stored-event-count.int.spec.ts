import { waitFor } from '@ecab/testing';
import pg from 'pg';
import { PostgresEventStore } from './postgres-event-store.js';
import { oldestHorizonTransactionAgeSeconds, StoredEventCount } from './stored-event-count.js';
import { createEventStoreDatabase, type EventStoreDatabase, openTransactionWithEvent, projectRegistered } from './test-support/event-store-database.js';

describe('StoredEventCount and the horizon age (what /metrics reads)', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('stored_event_count');
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.close());

  const append = async (stream: string, n: number) => {
    for (let i = 0; i < n; i += 1) await store.append(`project-${stream}`, i, [projectRegistered(`${stream}-${i}`)]);
  };
  const countedByPostgres = async () => Number((await db.dataSource.query<{ n: string }[]>('select count(*) as n from events'))[0]!.n);

  it('counts every event once, then only the new ones, and an event of a transaction still open once it commits', async () => {
    const counter = new StoredEventCount(db.dataSource);
    await append('A', 3);
    // Another suite's open transaction on the shared server holds the horizon too: wait for it, bounded.
    const caughtUp = async () =>
      waitFor(async () => ((await counter.count()) === (await countedByPostgres()) ? true : undefined), {
        description: 'the count to reach count(*)',
        timeoutMs: 20_000,
      });
    await caughtUp();
    const before = await counter.count();

    const slow = await openTransactionWithEvent(db.database.url, 'project-SLOW');
    await append('B', 2);
    // Committed after the open transaction began: not counted before it ends (gap-safe), never skipped after.
    expect(await counter.count()).toBe(before);
    await slow.commit();
    await append('C', 1);
    await caughtUp();
    const [first, second] = await Promise.all([counter.count(), counter.count()]);
    expect(second).toBe(first);
    expect(first).toBe(before + 1 + 2 + 1);
  });

  it('reports how long the oldest transaction holding the horizon has been open', async () => {
    const client = new pg.Client({ connectionString: db.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      const began = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const age = await oldestHorizonTransactionAgeSeconds(db.dataSource);
      expect(age).toBeGreaterThanOrEqual((Date.now() - began - 100) / 1000);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  });
});

describe('session timeouts of the platform’s own connections', () => {
  let db: EventStoreDatabase;

  afterEach(() => db.close());

  it('get the default statement and idle-in-transaction timeouts', async () => {
    db = await createEventStoreDatabase('session_timeouts');
    const [row] = await db.dataSource.query<{ statement: string; idle: string }[]>(
      "select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle",
    );
    expect(row).toEqual({ statement: '5min', idle: '1min' });
  });

  it('end a transaction of ours left idle, so it cannot hold the horizon', async () => {
    db = await createEventStoreDatabase('session_timeouts_idle', { sessionTimeouts: { statementTimeoutMs: 2_000, idleInTransactionTimeoutMs: 300 } });
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_current_xact_id()');
      await new Promise((resolve) => setTimeout(resolve, 800));
      await expect(runner.query('SELECT 1')).rejects.toThrow(/idle-in-transaction|terminat|released/i);
      await expect(db.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
    } finally {
      await runner.release().catch(() => undefined);
    }
  });
});
