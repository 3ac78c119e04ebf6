import { waitFor } from '@ecab/testing';
import { Leadership } from './leadership.js';
import { createEventStoreDatabase, type EventStoreDatabase } from './test-support/event-store-database.js';

const LOCK_KEY = 0x4543_4199;
const quiet = { info: () => undefined, warn: () => undefined };

/** One instance of a service: counts what it was told to start and stop. */
function instance(db: EventStoreDatabase, name: string, lead: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  const leadership = new Leadership(db.dataSource, {
    name,
    lockKey: LOCK_KEY,
    intervalMs: 50,
    log: quiet,
    lead: async () => {
      calls.push('lead');
      await lead();
    },
    standDown: async () => void calls.push('standDown'),
  });
  return { leadership, calls };
}

/** The backend pids holding the lock now, from pg_locks (not from the class under test). */
async function holders(db: EventStoreDatabase): Promise<number[]> {
  const rows: { pid: number }[] = await db.dataSource.query(
    "select pid from pg_locks where locktype = 'advisory' and classid = 0 and objid = $1 and objsubid = 1 and granted",
    [LOCK_KEY],
  );
  return rows.map((row) => row.pid);
}

describe('Leadership (session advisory lock on PostgreSQL)', () => {
  let db: EventStoreDatabase;
  beforeAll(async () => {
    db = await createEventStoreDatabase('leadership');
  });
  afterAll(() => db.close());

  it('lets exactly one of two instances lead, and hands over when the leader stops', async () => {
    const first = instance(db, 'first');
    const second = instance(db, 'second');
    await first.leadership.start();
    await second.leadership.start();
    try {
      expect([first.leadership.isLeader, second.leadership.isLeader]).toEqual([true, false]);
      expect(await holders(db)).toHaveLength(1);

      await first.leadership.stop();
      expect(first.calls).toEqual(['lead', 'standDown']);
      await waitFor(async () => second.leadership.isLeader || undefined, { description: 'the standby leads', timeoutMs: 10_000 });
      expect(second.calls).toEqual(['lead']);
      expect(await holders(db)).toHaveLength(1);
    } finally {
      await first.leadership.stop();
      await second.leadership.stop();
    }
    expect(await holders(db)).toEqual([]);
  });

  it('stands the leader down when its lock session is cut, and the standby takes over', async () => {
    const first = instance(db, 'cut-first');
    const second = instance(db, 'cut-second');
    await first.leadership.start();
    await second.leadership.start();
    try {
      const [pid] = await holders(db);
      await db.dataSource.query('select pg_terminate_backend($1)', [pid]);

      await waitFor(async () => (first.calls.includes('standDown') ? true : undefined), { description: 'the cut leader stands down', timeoutMs: 10_000 });
      await waitFor(async () => second.leadership.isLeader || undefined, { description: 'the standby leads', timeoutMs: 10_000 });
      const [newHolder] = await holders(db);
      expect(newHolder).toBeDefined();
      expect(newHolder).not.toBe(pid);
      // The first comes back as a standby and does not lead while the second holds the lock.
      expect(first.leadership.isLeader).toBe(false);
    } finally {
      await first.leadership.stop();
      await second.leadership.stop();
    }
  });

  it('gives the lock up when starting the work fails, and tries again', async () => {
    let attempts = 0;
    const flaky = instance(db, 'flaky', async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('the broker is not reachable yet');
    });
    await flaky.leadership.start();
    try {
      expect(flaky.leadership.isLeader).toBe(false);
      expect(await holders(db)).toEqual([]);
      await waitFor(async () => flaky.leadership.isLeader || undefined, { description: 'the second attempt leads', timeoutMs: 10_000 });
      expect(flaky.calls).toEqual(['lead', 'standDown', 'lead']);
    } finally {
      await flaky.leadership.stop();
    }
  });
});
