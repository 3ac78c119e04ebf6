import { createEventStoreDataSource, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, waitFor, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { ParkedMessageStore } from './parked-message-store.js';
import { parkingMigrations } from './parked-messages.migration.js';

const message = { key: null, value: null, headers: {} };

describe('ParkedMessageStore parking lock (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let parked: ParkedMessageStore;

  beforeAll(async () => {
    database = await createTestDatabase('parking_locks');
    dataSource = createEventStoreDataSource(database.url, { extraMigrations: parkingMigrations, poolSize: 6 });
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    parked = new ParkedMessageStore(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('held shared, finds which of the subjects wait, whatever characters their names hold', async () => {
    const odd = ["it's", 'back\\slash', 'comma, "quoted"'];
    await parked.park(
      'locks-a',
      [...odd, 'other'].map((subject, n) => ({ subject, origin: `log@${n}`, message, error: 'test' })),
    );
    await parked.park('locks-b', [{ subject: 'plain', origin: 'log@9', message, error: 'test' }]);

    const lock = await parked.lockShared('locks-a', [...odd, 'plain', 'never parked']);
    lock.release();
    expect([...lock.waiting].sort()).toEqual([...odd].sort());
    const none = await parked.lockShared('locks-a', []);
    none.release();
    expect(none.waiting.size).toBe(0);
  });

  it('waits for a retry holding the lock, then sees what the retry removed as gone; a retry waits for a live batch to let go', async () => {
    await parked.park('locks-c', [{ subject: 'P', origin: 'log@1', message, error: 'test' }]);
    const [id] = (await parked.list({ consumer: 'locks-c' })).map((m) => m.id);
    let finishRetry!: () => void;
    const retryHolding = new Promise<void>((resolve) => {
      finishRetry = resolve;
    });
    let retryStarted = false;
    const retry = parked.exclusively('locks-c', async () => {
      retryStarted = true;
      await retryHolding;
      await parked.remove(id!);
    });
    await waitFor(async () => (retryStarted ? true : undefined), { description: 'the retry holding the lock' });

    let liveLocked = false;
    const live = parked.lockShared('locks-c', ['P']).then((lock) => {
      liveLocked = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(liveLocked).toBe(false);
    finishRetry();
    await retry;
    const lock = await live;
    // The check ran after the lock was granted: P's parked message was removed by then.
    expect(lock.waiting.has('P')).toBe(false);

    let secondRetryDone = false;
    const second = parked.exclusively('locks-c', async () => {
      secondRetryDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondRetryDone).toBe(false);
    lock.release();
    await second;
    expect(secondRetryDone).toBe(true);
  });

  it('held while PostgreSQL ends its connection (a shutdown, a terminated backend): the process goes on, the dead connection leaves the pool', async () => {
    const lock = await parked.lockShared('locks-d', ['P']);
    const holders: { pid: number }[] = await dataSource.query(
      `select pid from pg_locks where locktype = 'advisory' and mode = 'ShareLock' and granted and database = (select oid from pg_database where datname = current_database())`,
    );
    expect(holders).toHaveLength(1);
    await dataSource.query('select pg_terminate_backend($1)', [holders[0]!.pid]);
    // The terminated backend's notice reaches the checked-out connection meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    lock.release();

    // The pool hands out the connection given back last first: had the dead one gone back, this would fail.
    const next = await parked.lockShared('locks-d', ['Q']);
    const nextHolders: { pid: number }[] = await dataSource.query(`select pid from pg_locks where locktype = 'advisory' and mode = 'ShareLock' and granted`);
    next.release();
    expect(nextHolders.map((row) => row.pid)).toEqual([expect.any(Number)]);
    expect(nextHolders[0]!.pid).not.toBe(holders[0]!.pid);
  });
});
