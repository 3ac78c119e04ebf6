import { waitFor } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { CheckpointStore } from './checkpoint-store.js';
import { createEventStoreDataSource } from './data-source.js';
import { LOG_START } from './log-reader.js';
import { LogSubscription, type LogSubscriptionOptions } from './log-subscription.js';
import { PostgresEventStore } from './postgres-event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, openTransactionWithEvent, projectRegistered } from './test-support/event-store-database.js';

const APPLICATION = 'ecab-event-store-subscription-test';

describe('LogSubscription', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;
  const running: LogSubscription[] = [];

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_subscription', { poolSize: 20, applicationName: APPLICATION });
    store = new PostgresEventStore(db.dataSource);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await db.close();
  });

  /** A started subscription collecting every batch it is handed. */
  async function subscribe(options: Partial<LogSubscriptionOptions> & { name: string }) {
    const batches: RecordedEvent[][] = [];
    const subscription = new LogSubscription(db.dataSource, {
      handle: async (batch) => {
        batches.push(batch);
      },
      ...options,
    });
    running.push(subscription);
    await subscription.start();
    return { subscription, batches, handled: () => batches.flat() };
  }

  const ids = (events: RecordedEvent[]) => events.map((event) => event.eventId);

  it('delivers everything exactly once and in log order while a transaction is held open', async () => {
    const { handled, batches } = await subscribe({ name: 'gap', pollIntervalMs: 50, batchSize: 3 });
    const appended: string[] = [];
    appended.push(...ids((await store.append('project-a', 0, [projectRegistered('a1'), projectRegistered('a2')])).events));
    await waitFor(async () => (handled().length === 2 ? true : undefined), { description: 'the first two events', timeoutMs: 10_000 });

    const slow = await openTransactionWithEvent(db.database.url, 'project-slow');
    appended.push(slow.eventId);
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let version = 0; version < 3; version += 1) {
          const { events } = await store.append(`project-w${writer}`, version, [projectRegistered(`w${writer}`)]);
          appended.push(...ids(events));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // several polls and notifications
    expect(handled()).toHaveLength(2); // everything later waits behind the open transaction

    await slow.commit();
    await waitFor(async () => (handled().length >= appended.length ? true : undefined), {
      description: `all ${appended.length} events`,
      timeoutMs: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 150)); // nothing arrives twice later either

    const events = handled();
    expect(events).toHaveLength(appended.length);
    expect(new Set(ids(events))).toEqual(new Set(appended));
    expect(events[2]?.eventId).toBe(slow.eventId);
    for (let i = 1; i < events.length; i += 1) {
      const [previous, current] = [events[i - 1]!, events[i]!];
      expect(previous.transactionId < current.transactionId || (previous.transactionId === current.transactionId && previous.position < current.position)).toBe(
        true,
      );
    }
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(3);
  });

  it('is woken by NOTIFY well before its poll interval, and resumes from its checkpoint after a restart', async () => {
    const POLL_INTERVAL_MS = 120_000;
    const NOTIFIED_WITHIN_MS = POLL_INTERVAL_MS / 4;
    const first = await subscribe({ name: 'notified', pollIntervalMs: POLL_INTERVAL_MS });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first drain is done; now it sleeps for a minute

    // Every wait below is bounded by a quarter of the poll interval: only a NOTIFY can wake the subscription in time.
    const [event] = (await store.append('project-n', 0, [projectRegistered('n1')])).events;
    await waitFor(async () => (first.handled().length === 1 ? true : undefined), { description: 'the notified event', timeoutMs: NOTIFIED_WITHIN_MS });
    // The checkpoint is saved just after the handler resolved.
    await waitFor(async () => (first.subscription.position.position === event!.position ? true : undefined), {
      description: 'the checkpoint',
      timeoutMs: NOTIFIED_WITHIN_MS,
    });
    expect(first.subscription.position).toEqual({ transactionId: event!.transactionId, position: event!.position });
    expect(await new CheckpointStore(db.dataSource).load('notified')).toEqual(first.subscription.position);

    await first.subscription.stop();
    const whileStopped = (await store.append('project-n', 1, [projectRegistered('n2'), projectRegistered('n3')])).events;

    const second = await subscribe({ name: 'notified', pollIntervalMs: POLL_INTERVAL_MS });
    await waitFor(async () => (second.handled().length === 2 ? true : undefined), {
      description: 'the events appended while stopped',
      timeoutMs: NOTIFIED_WITHIN_MS,
    });
    const [later] = (await store.append('project-n', 3, [projectRegistered('n4')])).events;
    await waitFor(async () => (second.handled().length === 3 ? true : undefined), { description: 'the next notified event', timeoutMs: NOTIFIED_WITHIN_MS });
    expect(ids(second.handled())).toEqual([...ids(whileStopped), later!.eventId]);
    expect(first.handled()).toHaveLength(1);
  });

  it('retries a failing batch with backoff and never moves the checkpoint past it', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const delivered: RecordedEvent[][] = [];
    const appended = (await store.append('project-r', 0, [projectRegistered('r1'), projectRegistered('r2')])).events;
    const subscription = new LogSubscription(db.dataSource, {
      name: 'retrying',
      pollIntervalMs: 20,
      handle: async (batch) => {
        calls += 1;
        delivered.push(batch);
        if (calls <= 2) throw new Error(`projection unavailable (${calls})`);
      },
      onError: (error, { attempt, during }) => errors.push({ message: (error as Error).message, attempt, during }),
    });
    running.push(subscription);
    await subscription.start();

    await waitFor(async () => (calls === 1 ? true : undefined), { description: 'the first attempt' });
    expect(await new CheckpointStore(db.dataSource).load('retrying')).toEqual(LOG_START);
    await waitFor(async () => (calls >= 3 && subscription.position.position === appended[1]!.position ? true : undefined), {
      description: 'the third, successful attempt',
    });
    expect(delivered.map(ids)).toEqual([ids(appended), ids(appended), ids(appended)]);
    expect(errors).toEqual([
      { message: 'projection unavailable (1)', attempt: 1, during: 'processing' },
      { message: 'projection unavailable (2)', attempt: 2, during: 'processing' },
    ]);
  });

  it('reconnects its listener after the connection is killed and catches up at once', async () => {
    const errors: string[] = [];
    const { handled } = await subscribe({
      name: 'reconnecting',
      pollIntervalMs: 120_000,
      onError: (_error, { during }) => errors.push(during),
    });
    const listenerBackends = async () =>
      db.dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query LIKE 'LISTEN%'`,
        [`${APPLICATION}:listener`],
      );
    const [original] = await waitFor(async () => ((await listenerBackends()).length === 1 ? listenerBackends() : undefined), {
      description: 'the listener connection',
    });
    await db.dataSource.query('SELECT pg_terminate_backend($1)', [original!.pid]);
    await store.append('project-k', 0, [projectRegistered('while reconnecting')]);

    await waitFor(async () => (handled().length === 1 ? true : undefined), { description: 'the event appended while reconnecting' });
    await waitFor(
      async () => {
        const backends = await listenerBackends();
        return backends.length === 1 && backends[0]!.pid !== original!.pid ? true : undefined;
      },
      { description: 'a new listener connection' },
    );
    await store.append('project-k', 1, [projectRegistered('after reconnecting')]);
    // Bounded by a quarter of the poll interval: only a NOTIFY on the new connection delivers it in time.
    await waitFor(async () => (handled().length === 2 ? true : undefined), { description: 'the event notified on the new connection', timeoutMs: 30_000 });
    expect(errors).toContain('listening');
  });

  it('stop() waits for the batch in flight and its checkpoint', async () => {
    let release!: () => void;
    const inHandle = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = false;
    const [event] = (await store.append('project-s', 0, [projectRegistered('s1')])).events;
    const subscription = new LogSubscription(db.dataSource, {
      name: 'stopping',
      handle: async () => {
        entered = true;
        await inHandle;
      },
    });
    await subscription.start();
    await waitFor(async () => (entered ? true : undefined), { description: 'handle to be entered' });

    let stopped = false;
    const stopping = subscription.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await new CheckpointStore(db.dataSource).load('stopping')).toEqual({
      transactionId: event!.transactionId,
      position: event!.position,
    });
  });

  describe('one consumer per checkpoint', () => {
    const others: DataSource[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
      await Promise.all(others.splice(0).map((dataSource) => dataSource.destroy()));
    });

    /** Another service instance: its own pool and application name, so its lock session can be told apart. */
    async function instance(applicationName: string): Promise<DataSource> {
      const dataSource = createEventStoreDataSource(db.database.url, { poolSize: 4, applicationName });
      await dataSource.initialize();
      others.push(dataSource);
      return dataSource;
    }

    async function killLockSession(applicationName: string): Promise<void> {
      const killed = await db.dataSource.query<{ pid: number }[]>(
        `SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [`${applicationName}:lock`],
      );
      expect(killed).toHaveLength(1);
    }

    async function appendSequentially(count: number, from: number): Promise<string[]> {
      const appended: string[] = [];
      for (let n = from; n < from + count; n += 1) appended.push(...ids((await store.append(`project-one-${n}`, 0, [projectRegistered(`one ${n}`)])).events));
      return appended;
    }

    it('lets one of two same-named subscriptions handle the log; the other takes over when its lock session dies, without loss or duplicate', async () => {
      const handled: { by: string; eventId: string }[] = [];
      const start = async (by: string) => {
        const subscription = new LogSubscription(await instance(by), {
          name: 'single',
          batchSize: 2,
          pollIntervalMs: 30,
          lockIntervalMs: 100,
          handle: async (batch) => void handled.push(...batch.map((event) => ({ by, eventId: event.eventId }))),
          onError: () => undefined,
        });
        running.push(subscription);
        await subscription.start();
        return subscription;
      };
      const one = await start('instance-one');
      const two = await start('instance-two');
      expect([one.isActive, two.isActive]).toEqual([true, false]);

      const before = await appendSequentially(7, 0);
      await waitFor(async () => (handled.length >= 7 ? true : undefined), { description: 'the first seven events' });
      await new Promise((resolve) => setTimeout(resolve, 300)); // several polls of both
      expect(handled).toEqual(before.map((eventId) => ({ by: 'instance-one', eventId })));

      await killLockSession('instance-one');
      await waitFor(async () => (two.isActive ? true : undefined), { description: 'the second to take the lock' });
      expect(one.isActive).toBe(false);
      const after = await appendSequentially(5, 7);
      await waitFor(async () => (handled.length >= 12 ? true : undefined), { description: 'the events appended after the takeover' });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the deposed one is a standby again, not a second consumer
      expect(handled).toEqual([...before.map((eventId) => ({ by: 'instance-one', eventId })), ...after.map((eventId) => ({ by: 'instance-two', eventId }))]);
      expect([one.isActive, two.isActive]).toEqual([false, true]);

      await two.stop(); // and back: the first, waiting again, takes over from the second's checkpoint
      await waitFor(async () => (one.isActive ? true : undefined), { description: 'the first to take the lock back' });
      const last = await appendSequentially(2, 12);
      await waitFor(async () => (handled.length >= 14 ? true : undefined), { description: 'the last two events' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(handled.map((h) => h.eventId)).toEqual([...before, ...after, ...last]);
      expect(handled.slice(12).map((h) => h.by)).toEqual(['instance-one', 'instance-one']);
    });

    it('never lets a subscription that lost its lock mid-batch move the checkpoint: the batch goes to the new holder', async () => {
      const [first] = await appendSequentially(1, 100);
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => {
        release = resolve;
      });
      const handledBy: Record<string, string[]> = { 'instance-a': [], 'instance-b': [] };
      const start = async (by: 'instance-a' | 'instance-b') => {
        const subscription = new LogSubscription(await instance(by), {
          name: 'fenced',
          pollIntervalMs: 30,
          lockIntervalMs: 100,
          handle: async (batch) => {
            handledBy[by]!.push(...ids(batch));
            if (by === 'instance-a') await blocked;
          },
          onError: () => undefined,
        });
        running.push(subscription);
        await subscription.start();
        return subscription;
      };
      const a = await start('instance-a');
      await waitFor(async () => (handledBy['instance-a']!.length === 1 ? true : undefined), { description: 'a to be inside its batch' });
      const b = await start('instance-b');
      await killLockSession('instance-a');
      await waitFor(async () => (b.isActive && handledBy['instance-b']!.length === 1 ? true : undefined), { description: 'b to take over the batch' });
      release(); // a finishes its batch now, but may not save its checkpoint any more
      const [second] = await appendSequentially(1, 101);
      await waitFor(async () => (handledBy['instance-b']!.length === 2 ? true : undefined), { description: 'b to go on' });
      expect(handledBy).toEqual({ 'instance-a': [first], 'instance-b': [first, second] });
      expect(a.isActive).toBe(false);
      // b saves the checkpoint of its second batch with its next read, a moment after handling it.
      const saved = await waitFor(
        async () => {
          const checkpoint = await new CheckpointStore(db.dataSource).load('fenced');
          return checkpoint.position === b.position.position && checkpoint.transactionId === b.position.transactionId ? checkpoint : undefined;
        },
        { description: "the checkpoint at b's position" },
      );
      expect(saved.position).toBeGreaterThan(0n);
    });
  });
});
