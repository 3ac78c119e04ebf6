import { waitFor } from '@ecab/testing';
import { LOG_START, type LogCheckpoint, LogReader } from './log-reader.js';
import { PostgresEventStore } from './postgres-event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, openTransactionWithEvent, projectRegistered } from './test-support/event-store-database.js';

const checkpointOf = (event: RecordedEvent): LogCheckpoint => ({ transactionId: event.transactionId, position: event.position });
const inLogOrder = (a: RecordedEvent, b: RecordedEvent) =>
  a.transactionId === b.transactionId ? Number(a.position - b.position) : a.transactionId < b.transactionId ? -1 : 1;

/** Reads everything safe to read after `from` in batches of `limit`. */
async function readAll(reader: LogReader, from: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await reader.readBatch(checkpoint, limit);
    expect(batch.length).toBeLessThanOrEqual(limit);
    events.push(...batch);
    const last = batch.at(-1);
    if (!last || batch.length < limit) return events;
    checkpoint = checkpointOf(last);
  }
}

describe('LogReader', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;
  let reader: LogReader;

  beforeEach(async () => {
    db = await createEventStoreDatabase('log_reader', { poolSize: 20 });
    store = new PostgresEventStore(db.dataSource);
    reader = new LogReader(db.dataSource);
  });
  afterEach(() => db.close());

  it('does not read past a transaction that is still open, and after it commits reads everything exactly once', async () => {
    const early = (await store.append('project-early', 0, [projectRegistered('e1'), projectRegistered('e2')])).events;
    // Other databases' transactions on this server can hold the snapshot's xmin back for a moment.
    const firstRead = await waitFor(
      async () => {
        const batch = await reader.readBatch(LOG_START, 100);
        return batch.length > 0 ? batch : undefined;
      },
      { description: 'the early events to become readable', timeoutMs: 10_000 },
    );
    expect(firstRead.map((event) => event.eventId)).toEqual(early.map((event) => event.eventId));
    const checkpoint = checkpointOf(firstRead.at(-1)!);

    const slow = await openTransactionWithEvent(db.database.url, 'project-slow');
    const later: RecordedEvent[] = [];
    for (let i = 1; i <= 5; i += 1) later.push(...(await store.append(`project-fast-${i}`, 0, [projectRegistered(`f${i}`)])).events);

    // The trap a "position > N" reader falls into: committed events after the slow one's smaller position.
    for (const event of later) expect(event.position > slow.position).toBe(true);
    expect(await reader.readBatch(checkpoint, 100)).toEqual([]);
    expect(await reader.backlog(checkpoint)).toBe(5); // committed, but behind the open transaction
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await reader.readBatch(checkpoint, 100)).toEqual([]);

    await slow.commit();
    const afterCommit = await waitFor(
      async () => {
        const events = await readAll(reader, checkpoint, 2);
        return events.length >= 6 ? events : undefined;
      },
      { description: 'all six events after the slow transaction committed', timeoutMs: 10_000 },
    );

    expect(afterCommit.map((event) => event.eventId)).toEqual([slow.eventId, ...later.map((event) => event.eventId)]);
    expect([...afterCommit].sort(inLogOrder)).toEqual(afterCommit);
    expect(await reader.readBatch(checkpointOf(afterCommit.at(-1)!), 100)).toEqual([]);
    expect(await reader.backlog(checkpointOf(afterCommit.at(-1)!))).toBe(0);
    expect(await reader.backlog(LOG_START)).toBe(8);
  });

  it('orders transaction ids as numbers, not as text', async () => {
    // Transaction ids long finished (a fresh cluster starts near 730); '9' < '10' < '100' only numerically.
    for (const [transactionId, name] of [
      ['100', 'third'],
      ['9', 'first'],
      ['10', 'second'],
    ] as const) {
      await db.dataSource.query(
        `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, transaction_id)
         VALUES ($1, 1, gen_random_uuid(), 'ProjectRegistered', 1, $2, $3::xid8)`,
        [`project-${name}`, JSON.stringify({ name }), transactionId],
      );
    }
    const names = (events: RecordedEvent[]) => events.map((event) => event.data['name']);
    expect(names(await reader.readBatch(LOG_START, 10))).toEqual(['first', 'second', 'third']);
    expect(names(await readAll(reader, LOG_START, 1))).toEqual(['first', 'second', 'third']);
    expect((await reader.readBatch(LOG_START, 10)).map((event) => event.transactionId)).toEqual([9n, 10n, 100n]);
  });

  it('delivers every event exactly once to a reader polling while 16 writers append', async () => {
    const writers = 16;
    const appendsPerWriter = 60;
    let writing = true;
    const appended: string[] = [];
    const seen: RecordedEvent[] = [];
    let checkpoint = LOG_START;

    const poll = (async () => {
      for (;;) {
        const done = !writing; // read once more after the writers finished
        seen.push(...(await readAll(reader, checkpoint, 25)));
        const last = seen.at(-1);
        if (last) checkpoint = checkpointOf(last);
        if (done && seen.length >= appended.length) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let version = 0; version < appendsPerWriter; version += 1) {
          const { events } = await store.append(`project-w${writer}`, version, [projectRegistered(`w${writer}v${version}`)]);
          appended.push(...events.map((event) => event.eventId));
        }
      }),
    );
    writing = false;
    await poll;

    const seenIds = seen.map((event) => event.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(new Set(seenIds)).toEqual(new Set(appended));
    expect([...seen].sort(inLogOrder)).toEqual(seen);
  });
});
