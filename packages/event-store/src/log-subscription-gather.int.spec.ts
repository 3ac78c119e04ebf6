import { waitFor } from '@ecab/testing';
import { LogSubscription } from './log-subscription.js';
import { PostgresEventStore } from './postgres-event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';

/** Caught up, a subscription with `gatherMs` waits before reading on, so what is committed meanwhile comes in one batch. */
describe('LogSubscription gathering small commits into one batch', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;
  const running: LogSubscription[] = [];

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_subscription_gather');
    store = new PostgresEventStore(db.dataSource);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await db.close();
  });

  /** A started subscription recording each batch it is handed, with when it was handed. */
  async function subscribe(name: string, gatherMs: number, batchSize = 500) {
    const batches: { at: number; events: RecordedEvent[] }[] = [];
    const subscription = new LogSubscription(db.dataSource, {
      name,
      batchSize,
      gatherMs,
      pollIntervalMs: 60_000, // woken by notifications only: a poll must not read in between
      handle: async (events) => {
        batches.push({ at: Date.now(), events });
      },
    });
    running.push(subscription);
    await subscription.start();
    return { subscription, batches, handled: () => batches.flatMap((batch) => batch.events) };
  }

  const sizes = (batches: { events: RecordedEvent[] }[]) => batches.map((batch) => batch.events.length);

  async function threeCommitsApart(): Promise<void> {
    for (let n = 0; n < 3; n += 1) {
      await store.append(`project-g${n}`, 0, [projectRegistered(`g${n}`)]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('hands three commits 100 ms apart over as one batch when it gathers for 1.5 s', async () => {
    const { handled, batches } = await subscribe('gathering', 1_500);
    await threeCommitsApart();
    await waitFor(async () => (handled().length === 3 ? true : undefined), { description: 'the three events', timeoutMs: 10_000 });
    expect(sizes(batches)).toEqual([3]);
  });

  it('without gathering, hands each of them over as it comes', async () => {
    const { handled, batches } = await subscribe('at-once', 0);
    await threeCommitsApart();
    await waitFor(async () => (handled().length === 3 ? true : undefined), { description: 'the three events', timeoutMs: 10_000 });
    expect(sizes(batches)).toEqual([1, 1, 1]);
  });

  it('reads a backlog on at once after each full batch, and waits only after the last, smaller one', async () => {
    for (let n = 0; n < 25; n += 1) await store.append(`project-b${n}`, 0, [projectRegistered(`b${n}`)]);
    const gatherMs = 2_000;
    const { handled, batches } = await subscribe('backlog', gatherMs, 10);
    await waitFor(async () => (handled().length === 25 ? true : undefined), { description: 'the backlog', timeoutMs: 15_000 });
    expect(sizes(batches)).toEqual([10, 10, 5]);
    // The full batches follow one another without the wait (far less than gatherMs apart).
    expect(batches[1]!.at - batches[0]!.at).toBeLessThan(gatherMs / 2);
    expect(batches[2]!.at - batches[1]!.at).toBeLessThan(gatherMs / 2);
  });

  it('stops at once while it waits to gather', async () => {
    const { subscription, handled } = await subscribe('stopping', 60_000);
    await store.append('project-s', 0, [projectRegistered('s')]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // woken, now gathering
    const stopping = subscription.stop();
    const stoppedInTime = await Promise.race([stopping.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    expect(stoppedInTime).toBe(true);
    expect(handled()).toEqual([]);
  });

  it('refuses a negative or non-finite wait', () => {
    for (const gatherMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new LogSubscription(db.dataSource, { name: 'bad', gatherMs, handle: async () => undefined })).toThrow(RangeError);
    }
  });
});
