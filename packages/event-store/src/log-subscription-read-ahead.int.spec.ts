import { waitFor } from '@ecab/testing';
import { CheckpointStore } from './checkpoint-store.js';
import { type LogCheckpoint, LogReader } from './log-reader.js';
import { LogSubscription } from './log-subscription.js';
import { PostgresEventStore } from './postgres-event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';

describe('LogSubscription reading ahead', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;
  let checkpoints: CheckpointStore;
  const running: LogSubscription[] = [];
  const restore: (() => void)[] = [];

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_read_ahead', { poolSize: 10, applicationName: 'ecab-event-store-read-ahead-test' });
    store = new PostgresEventStore(db.dataSource);
    checkpoints = new CheckpointStore(db.dataSource);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    for (const undo of restore.splice(0)) undo();
    await db.close();
  });

  /** One append (one transaction) per event, so log order is append order. */
  async function appendOneByOne(count: number): Promise<RecordedEvent[]> {
    const appended: RecordedEvent[] = [];
    for (let n = 0; n < count; n += 1) appended.push(...(await store.append(`project-ra${n}`, 0, [projectRegistered(`ra${n}`)])).events);
    return appended;
  }

  const ids = (events: RecordedEvent[]) => events.map((event) => event.eventId);
  const at = (event: RecordedEvent): LogCheckpoint => ({ transactionId: event.transactionId, position: event.position });

  it('reads the next batch while one is handled, and saves a checkpoint only once its batch was handled', async () => {
    const appended = await appendOneByOne(10);
    const batches: RecordedEvent[][] = [];
    let handled = 0;
    // Each read: where it starts, and how many batches had been handled (handle resolved) when it was made.
    const reads: { after: bigint; handledBefore: number }[] = [];
    const readBatch = LogReader.prototype.readBatch;
    LogReader.prototype.readBatch = function (this: LogReader, after, limit) {
      reads.push({ after: after.position, handledBefore: handled });
      return readBatch.call(this, after, limit);
    };
    restore.push(() => {
      LogReader.prototype.readBatch = readBatch;
    });
    const savedDuring: LogCheckpoint[] = [];
    const subscription = new LogSubscription(db.dataSource, {
      name: 'read-ahead',
      batchSize: 3,
      pollIntervalMs: 20,
      readAhead: true,
      handle: async (batch) => {
        batches.push(batch);
        const before = batches.at(-2)?.at(-1);
        if (before) {
          await waitFor(async () => ((await checkpoints.load('read-ahead')).position === before.position ? true : undefined), {
            description: 'the checkpoint of the batch before saved',
            timeoutMs: 10_000,
          });
        }
        savedDuring.push(await checkpoints.load('read-ahead'));
        handled += 1;
      },
    });
    running.push(subscription);
    await subscription.start();
    await waitFor(async () => ((await checkpoints.load('read-ahead')).position === appended[9]!.position ? true : undefined), {
      description: 'the checkpoint at the last event',
      timeoutMs: 10_000,
    });

    // Batch boundaries depend on other transactions of the server (the reader waits behind any older one).
    expect(ids(batches.flat())).toEqual(ids(appended));
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 3)).toBe(true);
    // While a batch was handled, the checkpoint stood exactly at the end of the batch before: never in it.
    expect(savedDuring).toEqual(batches.map((_, index) => (index === 0 ? { transactionId: 0n, position: 0n } : at(batches[index - 1]!.at(-1)!))));
    // After a full batch, the next read went out before that batch was handled.
    const full = batches.flatMap((batch, index) => (batch.length === 3 && index < batches.length - 1 ? [index] : []));
    for (const index of full) {
      const end = batches[index]!.at(-1)!.position;
      expect(reads.find((read) => read.after === end)?.handledBefore).toBe(index);
    }
    expect(subscription.position).toEqual(at(appended[9]!));
  });

  it('after a failed batch, delivers it again from the last saved checkpoint and skips nothing read ahead', async () => {
    const appended = await appendOneByOne(9);
    const delivered: RecordedEvent[][] = [];
    const failures: string[] = [];
    const subscription = new LogSubscription(db.dataSource, {
      name: 'read-ahead-failing',
      batchSize: 2,
      pollIntervalMs: 20,
      readAhead: true,
      handle: async (batch) => {
        delivered.push(batch);
        if (delivered.length === 3) throw new Error('Kafka unavailable');
      },
      onError: (error) => failures.push((error as Error).message),
    });
    running.push(subscription);
    await subscription.start();
    await waitFor(async () => ((await checkpoints.load('read-ahead-failing')).position === appended[8]!.position ? true : undefined), {
      description: 'the checkpoint at the last event',
      timeoutMs: 10_000,
    });

    // The third batch failed (the next was read ahead meanwhile): it comes again, then the rest in order.
    // Batch boundaries depend on other transactions of the server, so the redelivered batch is found by its events.
    const failed = delivered[2]!;
    expect(ids(delivered[3]!.slice(0, failed.length))).toEqual(ids(failed));
    expect(ids([...delivered.slice(0, 2), ...delivered.slice(3)].flat())).toEqual(ids(appended));
    expect(failures).toEqual(['Kafka unavailable']);
  });
});
