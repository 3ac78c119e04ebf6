import { waitFor } from '@ecab/testing';
import { CheckpointStore } from './checkpoint-store.js';
import { LOG_START, type LogCheckpoint } from './log-reader.js';
import { LogSubscription } from './log-subscription.js';
import { PostgresEventStore } from './postgres-event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';

/** The checkpoint of a handled batch is saved by the read of the next one. */
describe('LogSubscription saving checkpoints with its reads', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;
  let checkpoints: CheckpointStore;
  const running: LogSubscription[] = [];

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_subscription_saving');
    store = new PostgresEventStore(db.dataSource);
    checkpoints = new CheckpointStore(db.dataSource);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await db.close();
  });

  /** One append (one transaction) per event, so log order is append order. */
  async function appendOneByOne(count: number): Promise<RecordedEvent[]> {
    const appended: RecordedEvent[] = [];
    for (let n = 0; n < count; n += 1) appended.push(...(await store.append(`project-s${n}`, 0, [projectRegistered(`s${n}`)])).events);
    return appended;
  }

  const ids = (events: RecordedEvent[]) => events.map((event) => event.eventId);
  const at = (event: RecordedEvent): LogCheckpoint => ({ transactionId: event.transactionId, position: event.position });
  const savedAt = (name: string, event: RecordedEvent) => async () => ((await checkpoints.load(name)).position === event.position ? true : undefined);

  it('while a batch is handled, the checkpoint stands at the end of the batch before it; after the last, at its end', async () => {
    const appended = await appendOneByOne(7);
    const batches: RecordedEvent[][] = [];
    const savedDuring: LogCheckpoint[] = [];
    const subscription = new LogSubscription(db.dataSource, {
      name: 'saving',
      batchSize: 3,
      pollIntervalMs: 20,
      handle: async (batch) => {
        batches.push(batch);
        savedDuring.push(await checkpoints.load('saving'));
      },
    });
    running.push(subscription);
    await subscription.start();
    await waitFor(savedAt('saving', appended[6]!), { description: 'the checkpoint at the last event' });

    // Batch boundaries depend on other transactions of the server (the reader waits behind any older one).
    expect(ids(batches.flat())).toEqual(ids(appended));
    expect(savedDuring).toEqual(batches.map((_, index) => (index === 0 ? LOG_START : at(batches[index - 1]!.at(-1)!))));
    expect(subscription.position).toEqual(at(appended[6]!));
  });

  it('when the read that saves fails, saves the handled batch on its own and does not deliver it again', async () => {
    const appended = await appendOneByOne(4);
    const delivered: RecordedEvent[][] = [];
    const failures: string[] = [];
    let failed = false;
    const subscription = new LogSubscription(db.dataSource, {
      name: 'saving-failing',
      batchSize: 2,
      pollIntervalMs: 20,
      read: (reader, after, limit, saving) => {
        if (saving && !failed) {
          failed = true;
          return Promise.reject(new Error('read failed'));
        }
        return reader.readBatch(after, limit, saving);
      },
      handle: async (batch) => {
        delivered.push(batch);
      },
      onError: (error) => failures.push((error as Error).message),
    });
    running.push(subscription);
    await subscription.start();
    await waitFor(savedAt('saving-failing', appended[3]!), { description: 'the checkpoint at the last event' });

    expect(failed).toBe(true);
    expect(failures).toEqual(['read failed']);
    expect(ids(delivered.flat())).toEqual(ids(appended));
  });
});
