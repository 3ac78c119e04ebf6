import { randomUUID } from 'node:crypto';
import { waitFor } from '@ecab/testing';
import pg from 'pg';
import { PostgresEventStore } from './postgres-event-store.js';
import { createEventStoreDatabase, type EventStoreDatabase, openTransactionWithEvent, projectRegistered } from './test-support/event-store-database.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

describe('PostgresEventStore', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('event_store', { poolSize: 20 });
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.close());

  it('appends events as versions 1..n and reads them back with data and metadata', async () => {
    const givenId = randomUUID();
    const metadata = { correlationId: 'corr-1', causationId: 'cause-1', actor: 'pm@ecab', traceparent: '00-abc-def-01', source: 'portal' };
    const { nextVersion, events: recorded } = await store.append('project-1', 0, [
      { ...projectRegistered('Almaty–Bishkek road', metadata), eventId: givenId },
      { type: 'FinancingRecorded', schemaVersion: 2, data: { amount: '1000000.00', currency: 'USD' }, metadata },
      { type: 'MilestoneReached', schemaVersion: 1, data: { milestone: 'design', nested: { list: [1, 'two', null] } } },
    ]);

    expect(nextVersion).toBe(3);
    const read = await store.readStream('project-1');
    expect(read).toEqual(recorded);
    expect(read.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(read[0]?.eventId).toBe(givenId);
    expect(new Set(read.map((event) => event.eventId)).size).toBe(3);
    expect(read[0]?.metadata).toEqual(metadata);
    expect(read[2]?.metadata).toEqual({});
    expect(read[1]).toMatchObject({ type: 'FinancingRecorded', schemaVersion: 2, data: { amount: '1000000.00', currency: 'USD' } });
    expect(read[2]?.data).toEqual({ milestone: 'design', nested: { list: [1, 'two', null] } });
    for (const event of read) {
      expect(typeof event.position).toBe('bigint');
      expect(typeof event.transactionId).toBe('bigint');
      expect(event.transactionId).toBe(read[0]?.transactionId); // one append, one transaction
      expect(event.recordedAt).toBeInstanceOf(Date);
    }
    expect(read[0]!.position < read[1]!.position && read[1]!.position < read[2]!.position).toBe(true);

    const next = await store.append('project-1', 3, [projectRegistered('renamed')]);
    expect(next.nextVersion).toBe(4);
    expect(await store.streamVersion('project-1')).toBe(4);
    expect((await store.readStream('project-1', { fromVersion: 2, toVersion: 3 })).map((e) => e.streamVersion)).toEqual([2, 3]);
    expect((await store.readStream('project-1', { fromVersion: 4 })).map((e) => e.eventId)).toEqual([next.events[0]?.eventId]);
  });

  it('reports version 0 and no events for a stream that does not exist', async () => {
    expect(await store.streamVersion('project-none')).toBe(0);
    expect(await store.readStream('project-none')).toEqual([]);
  });

  it('reads several streams from a version each in one call, one answer per stream in the order asked', async () => {
    await store.append('project-many-a', 0, [projectRegistered('a1'), projectRegistered('a2'), projectRegistered('a3')]);
    await store.append('project-many-b', 0, [projectRegistered('b1')]);
    const [fromTwo, whole, none, again] = await store.readStreams([
      { streamId: 'project-many-a', fromVersion: 2 },
      { streamId: 'project-many-b' },
      { streamId: 'project-many-none' },
      { streamId: 'project-many-a', fromVersion: 4 },
    ]);
    expect(fromTwo).toEqual(await store.readStream('project-many-a', { fromVersion: 2 }));
    expect(fromTwo!.map((e) => e.data['name'])).toEqual(['a2', 'a3']);
    expect(whole).toEqual(await store.readStream('project-many-b'));
    expect(none).toEqual([]);
    expect(again).toEqual([]);
    expect(await store.readStreams([])).toEqual([]);
  });

  it('reads several streams with a plan PostgreSQL prepares once, not at every run', async () => {
    const single = await createEventStoreDatabase('event_store_plans', { poolSize: 1 });
    try {
      const alone = new PostgresEventStore(single.dataSource);
      await alone.append('project-plan-a', 0, [projectRegistered('a')]);
      // PostgreSQL plans a prepared statement for its first five runs, then keeps a generic plan if it looks no worse.
      for (let run = 0; run < 8; run += 1) await alone.readStreams([{ streamId: 'project-plan-a', fromVersion: 1 }, { streamId: 'project-plan-b' }]);
      const [plans] = await single.dataSource.query<{ generic_plans: string; custom_plans: string }[]>(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'ecab_event_store_read_streams_2'",
      );
      expect({ generic: Number(plans?.generic_plans), custom: Number(plans?.custom_plans) }).toEqual({ generic: 3, custom: 5 });
    } finally {
      await single.close();
    }
  });

  it('keeps strings that need escaping intact', async () => {
    const data = { text: 'quote " backslash \\ comma , braces {} unicode Алматы ✓', empty: '' };
    await store.append('project-escaping', 0, [{ type: 'NoteAdded', schemaVersion: 1, data, metadata: { actor: '"x"\\' } }]);
    const [event] = await store.readStream('project-escaping');
    expect(event?.data).toEqual(data);
    expect(event?.metadata).toEqual({ actor: '"x"\\' });
  });

  it('rejects a wrong expected version and stores nothing', async () => {
    await store.append('project-2', 0, [projectRegistered('a'), projectRegistered('b')]);

    for (const expectedVersion of [0, 1, 5]) {
      const attempt = store.append('project-2', expectedVersion, [projectRegistered('late')]);
      await expect(attempt).rejects.toThrow(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ streamId: 'project-2', expectedVersion, actualVersion: 2 });
    }
    await expect(store.append('project-new', 1, [projectRegistered('x')])).rejects.toMatchObject({ actualVersion: 0 });
    expect((await store.readStream('project-2')).map((event) => event.data['name'])).toEqual(['a', 'b']);
    expect(await store.streamVersion('project-new')).toBe(0);
  });

  it('lets exactly one of 20 concurrent appends at the same expected version win, leaving no gap', async () => {
    await store.append('project-race', 0, [projectRegistered('first')]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) =>
        store.append('project-race', 1, [projectRegistered(`writer ${writer}`), projectRegistered(`writer ${writer} again`)]),
      ),
    );

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const error of lost) {
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 3 });
    }
    const stream = await store.readStream('project-race');
    expect(stream.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    const winner = stream[1]?.data['name'] as string;
    expect(stream[2]?.data['name']).toBe(`${winner} again`);
  });

  it('turns a loss on the unique (stream, version) index into WrongExpectedVersionError', async () => {
    await store.append('project-blocked', 0, [projectRegistered('first')]);
    const rival = await openTransactionWithEvent(db.database.url, 'project-blocked', 2);
    // Sees version 1 (the rival has not committed), so it inserts version 2 and waits on the rival's index entry.
    const attempt = store.append('project-blocked', 1, [projectRegistered('loser')]);
    attempt.catch(() => undefined);
    await waitFor(
      async () => {
        const [row] = await db.dataSource.query<{ waiting: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                          WHERE datname = current_database() AND wait_event_type = 'Lock') AS waiting`,
        );
        return row?.waiting || undefined;
      },
      { description: 'the append to wait on the rival transaction', timeoutMs: 5_000 },
    );
    await rival.commit();

    await expect(attempt).rejects.toThrow(WrongExpectedVersionError);
    await expect(attempt).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await store.readStream('project-blocked')).map((event) => event.eventId)).toEqual([expect.any(String), rival.eventId]);
  });

  it('checks the version on an empty append without storing anything', async () => {
    await expect(store.append('project-empty', 0, [])).resolves.toEqual({ nextVersion: 0, events: [] });
    await expect(store.append('project-empty', 1, [])).rejects.toThrow(WrongExpectedVersionError);
  });

  it('rejects a duplicate event id as an error that is not a version conflict, storing nothing', async () => {
    const eventId = randomUUID();
    await store.append('project-dup-a', 0, [{ ...projectRegistered('a'), eventId }]);
    const attempt = store.append('project-dup-b', 0, [projectRegistered('b'), { ...projectRegistered('b2'), eventId }]);
    await expect(attempt).rejects.toThrow(/events_event_id_key/);
    await expect(attempt).rejects.not.toThrow(WrongExpectedVersionError);
    expect(await store.streamVersion('project-dup-b')).toBe(0);
  });

  it('announces appends on ecab_events after they commit, coalesced, and never for failed or quiet appends', async () => {
    const listener = new pg.Client({ connectionString: db.database.url });
    await listener.connect();
    try {
      const received: number[] = [];
      listener.on('notification', (message) => {
        if (message.channel === 'ecab_events') received.push(Date.now());
      });
      await listener.query('LISTEN ecab_events');

      await new PostgresEventStore(db.dataSource, { notify: false }).append('project-quiet', 0, [projectRegistered('q')]);
      await expect(store.append('project-quiet', 0, [projectRegistered('lost')])).rejects.toThrow(WrongExpectedVersionError);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);

      await store.append('project-notify', 0, [projectRegistered('a')]);
      await waitFor(async () => (received.length === 1 ? true : undefined), { description: 'the notification of one append' });

      const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`project-burst-${i}`, 0, [projectRegistered(`b${i}`)])));
      const allCommittedAt = Date.now();
      expect(burst).toHaveLength(50);
      await waitFor(async () => (received.some((at) => at >= allCommittedAt) ? true : undefined), {
        description: 'a notification sent after the last append of the burst committed',
      });
      expect(received.length - 1).toBeLessThan(50);
    } finally {
      await listener.end();
    }
  });

  it('finds the events of one subject of some types, in log order, by an index', async () => {
    const subject = `P-${randomUUID()}`;
    const signed = (id: string) => ({ type: 'AgreementSigned', schemaVersion: 1, data: { agreementId: id }, metadata: { subject } });
    await store.append(`agreement-${subject}-A`, 0, [signed('A'), { type: 'FundsReceived', schemaVersion: 1, data: {}, metadata: { subject } }]);
    await store.append(`agreement-${subject}-B`, 0, [{ type: 'AgreementOpened', schemaVersion: 1, data: { agreementId: 'B' }, metadata: { subject } }]);
    await store.append(`agreement-other-${subject}`, 0, [{ ...signed('C'), metadata: { subject: `${subject}-other` } }]);

    const found = await store.readBySubjectAndTypes(subject, ['AgreementSigned', 'AgreementOpened']);
    expect(found.map((e) => [e.streamId, e.type])).toEqual([
      [`agreement-${subject}-A`, 'AgreementSigned'],
      [`agreement-${subject}-B`, 'AgreementOpened'],
    ]);
    expect(await store.readBySubjectAndTypes(subject, ['AgreementSigned', 'AgreementOpened'], 1)).toHaveLength(1);

    await db.dataSource.query('SET enable_seqscan = off');
    try {
      const plan = (await db.dataSource.query(`EXPLAIN SELECT * FROM events WHERE metadata->>'subject' = 'x' AND type = ANY('{AgreementSigned}')`)) as {
        'QUERY PLAN': string;
      }[];
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('events_subject_type_idx');
    } finally {
      await db.dataSource.query('SET enable_seqscan = on');
    }
  });
});
