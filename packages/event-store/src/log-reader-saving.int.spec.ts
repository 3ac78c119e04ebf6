import { waitFor } from '@ecab/testing';
import pg from 'pg';
import { CheckpointStore } from './checkpoint-store.js';
import { LOG_START, LogReader } from './log-reader.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { sessionConfig } from './session-config.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';

describe('LogReader saving the checkpoint a read starts at', () => {
  let db: EventStoreDatabase;
  let session: pg.Client;

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_reader_saving');
    session = new pg.Client(sessionConfig(db.dataSource, 'saving-test'));
    await session.connect();
  });
  afterEach(async () => {
    await session.end();
    await db.close();
  });

  it('saves where it starts and reads the batch after it, in one statement, with either read', async () => {
    const events = (
      await new PostgresEventStore(db.dataSource).append(
        'project-rs',
        0,
        ['a', 'b', 'c', 'd'].map((n) => projectRegistered(n)),
      )
    ).events;
    const reader = new LogReader(db.dataSource);
    const checkpoints = new CheckpointStore(db.dataSource);
    // Other databases' transactions on this server can hold the snapshot's xmin back for a moment.
    await waitFor(async () => ((await reader.readBatch(LOG_START, 10)).length === 4 ? true : undefined), { description: 'the events readable' });
    const second = { transactionId: events[1]!.transactionId, position: events[1]!.position };

    const decoded = await reader.readBatch(second, 10, { session, name: 'saving' });
    expect(decoded.map((event) => event.eventId)).toEqual([events[2]!.eventId, events[3]!.eventId]);
    expect(await checkpoints.load('saving')).toEqual(second);

    const third = { transactionId: events[2]!.transactionId, position: events[2]!.position };
    const json = await reader.readJsonBatch(third, 10, { session, name: 'saving' });
    expect(json.map((event) => event.eventId)).toEqual([events[3]!.eventId]);
    expect(await checkpoints.load('saving')).toEqual(third);

    // Nothing after the last event: the checkpoint is saved all the same.
    const last = { transactionId: events[3]!.transactionId, position: events[3]!.position };
    expect(await reader.readJsonBatch(last, 10, { session, name: 'saving' })).toEqual([]);
    expect(await checkpoints.load('saving')).toEqual(last);
  });

  it('saves nothing when the read fails', async () => {
    const reader = new LogReader(db.dataSource);
    const checkpoints = new CheckpointStore(db.dataSource);
    await checkpoints.save('saving', { transactionId: 1n, position: 1n });
    // A statement that fails (a negative LIMIT) leaves no save behind.
    await expect(reader.readJsonBatch({ transactionId: 5n, position: 9n }, -1, { session, name: 'saving' })).rejects.toThrow(/LIMIT/);
    expect(await checkpoints.load('saving')).toEqual({ transactionId: 1n, position: 1n });
  });
});
