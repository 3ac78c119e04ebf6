import { randomUUID } from 'node:crypto';
import { waitFor } from '@ecab/testing';
import fc from 'fast-check';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key-error.js';
import { LOG_START, type LogCheckpoint, LogReader } from './log-reader.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
import type { NewEvent, RecordedEvent } from './recorded-event.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';
import { WrongExpectedVersionError } from './wrong-expected-version-error.js';

const named = (name: string, count: number): NewEvent[] => Array.from({ length: count }, (_, n) => projectRegistered(`${name}#${n + 1}`));
const ids = (events: RecordedEvent[]) => events.map((event) => event.eventId);

/** Every event of the log after `from` that a reader can see now, read in batches as a subscription does. */
async function readLog(reader: LogReader, from: LogCheckpoint): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await reader.readBatch(checkpoint, 200);
    events.push(...batch);
    const last = batch.at(-1);
    if (!last) return events;
    checkpoint = { transactionId: last.transactionId, position: last.position };
  }
}

describe('PostgresEventStore with group commit', () => {
  let db: EventStoreDatabase;

  beforeAll(async () => {
    db = await createEventStoreDatabase('group_commit', { poolSize: 20 });
  });
  afterAll(() => db.close());

  it('commits appends issued together to different streams in one transaction, each with its own result', async () => {
    const store = new PostgresEventStore(db.dataSource, { groupCommit: { concurrentGroups: 1 } });
    await store.append('together-5', 0, named('together-5 before', 2));
    const streams = Array.from({ length: 6 }, (_, n) => `together-${n}`);
    const sizes = streams.map((_, n) => (n % 3) + 1);
    const expected = streams.map((stream) => (stream === 'together-5' ? 2 : 0));

    const results = await Promise.all(streams.map((stream, n) => store.append(stream, expected[n]!, named(stream, sizes[n]!))));

    expect(new Set(results.flatMap((result) => result.events.map((event) => event.transactionId))).size).toBe(1);
    for (const [n, result] of results.entries()) {
      const stream = streams[n]!;
      expect(result.nextVersion).toBe(expected[n]! + sizes[n]!);
      expect(result.events.map((event) => [event.streamId, event.streamVersion, event.data['name']])).toEqual(
        Array.from({ length: sizes[n]! }, (_, k) => [stream, expected[n]! + k + 1, `${stream}#${k + 1}`]),
      );
      expect(await store.readStream(stream, { fromVersion: expected[n]! + 1 })).toEqual(result.events);
    }
    // Positions follow the order the appends were issued in, and each append's events in their order.
    const positions = results.flatMap((result) => result.events.map((event) => event.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('fails only the appends of a group that cannot be stored, each with the error it gets alone', async () => {
    const store = new PostgresEventStore(db.dataSource, { groupCommit: { concurrentGroups: 1 } });
    const takenEventId = randomUUID();
    await store.append('failing-taken-id', 0, [{ ...projectRegistered('first'), eventId: takenEventId }]);
    await store.append('failing-stale', 0, [projectRegistered('first')]);
    await store.append('failing-key-owner', 0, [{ ...projectRegistered('keyed'), metadata: { idempotencyKey: 'pm:group-key' } }]);

    const attempts: [string, number, NewEvent[]][] = [
      ['failing-ok-1', 0, named('ok-1', 1)],
      ['failing-dup-id', 0, [projectRegistered('fresh'), { ...projectRegistered('reused id'), eventId: takenEventId }]],
      ['failing-ok-2', 0, named('ok-2', 2)],
      ['failing-stale', 0, named('stale', 1)],
      ['failing-dup-key', 0, [{ ...projectRegistered('again'), metadata: { idempotencyKey: 'pm:group-key' } }]],
      ['failing-no-type', 0, [{ ...projectRegistered('typeless'), type: null as unknown as string }]],
      ['failing-ok-3', 0, named('ok-3', 10)],
    ];
    const settled = await Promise.allSettled(attempts.map(([stream, version, events]) => store.append(stream, version, events)));
    const outcome = Object.fromEntries(settled.map((result, n) => [attempts[n]![0], result]));

    for (const [stream, count] of [
      ['failing-ok-1', 1],
      ['failing-ok-2', 2],
      ['failing-ok-3', 10],
    ] as const) {
      expect(outcome[stream]).toMatchObject({ status: 'fulfilled', value: { nextVersion: count } });
      expect(await store.streamVersion(stream)).toBe(count);
    }
    const reason = (stream: string) => (outcome[stream] as PromiseRejectedResult).reason as unknown;
    expect(reason('failing-dup-id')).toEqual(expect.objectContaining({ constraint: 'events_event_id_key' }));
    expect(reason('failing-dup-id')).not.toBeInstanceOf(WrongExpectedVersionError);
    expect(reason('failing-stale')).toBeInstanceOf(WrongExpectedVersionError);
    expect(reason('failing-stale')).toMatchObject({ streamId: 'failing-stale', expectedVersion: 0, actualVersion: 1 });
    expect(reason('failing-dup-key')).toBeInstanceOf(DuplicateIdempotencyKeyError);
    expect(reason('failing-no-type')).toMatchObject({ code: '23502', column: 'type' });
    for (const stream of ['failing-dup-id', 'failing-dup-key', 'failing-no-type']) expect(await store.streamVersion(stream)).toBe(0);
    expect(await store.streamVersion('failing-stale')).toBe(1);
  });

  it('stores exactly the winners of concurrent appends racing on the same streams: versions contiguous, losers told', async () => {
    let run = 0;
    const attempt = fc.record({
      stream: fc.integer({ min: 0, max: 3 }),
      events: fc.integer({ min: 1, max: 3 }),
      guess: fc.constantFrom('current', 'behind', 'ahead'),
    });
    const settings = fc.oneof(
      fc.constant<PostgresEventStoreOptions['groupCommit']>(false),
      fc.record({ maxAppends: fc.integer({ min: 1, max: 8 }), concurrentGroups: fc.integer({ min: 1, max: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(settings, fc.array(fc.array(attempt, { minLength: 1, maxLength: 24 }), { minLength: 1, maxLength: 3 }), async (groupCommit, waves) => {
        run += 1;
        const store = new PostgresEventStore(db.dataSource, { groupCommit, notify: false });
        const streamOf = (n: number) => `race-${run}-${n}`;
        const versions = new Map<number, number>();
        const winners = new Set<string>();
        for (const wave of waves) {
          const planned = wave.map(({ stream, events, guess }) => {
            const current = versions.get(stream) ?? 0;
            const expected = guess === 'current' ? current : guess === 'ahead' ? current + 1 : current === 0 ? current + 2 : current - 1;
            return { stream, expected, events: named(`${streamOf(stream)} v${expected}`, events) };
          });
          const settled = await Promise.allSettled(planned.map((p) => store.append(streamOf(p.stream), p.expected, p.events)));

          for (const stream of new Set(planned.map((p) => p.stream))) {
            const before = versions.get(stream) ?? 0;
            const won: { expected: number; events: RecordedEvent[] }[] = [];
            for (const [n, result] of settled.entries()) {
              const p = planned[n]!;
              if (p.stream !== stream) continue;
              if (result.status === 'fulfilled') {
                expect(result.value.nextVersion).toBe(p.expected + p.events.length);
                expect(result.value.events.map((e) => [e.streamId, e.streamVersion])).toEqual(p.events.map((_, k) => [streamOf(stream), p.expected + k + 1]));
                won.push({ expected: p.expected, events: result.value.events });
              } else {
                expect(result.reason).toBeInstanceOf(WrongExpectedVersionError);
                expect(result.reason).toMatchObject({ streamId: streamOf(stream), expectedVersion: p.expected });
                expect((result.reason as WrongExpectedVersionError).actualVersion).not.toBe(p.expected);
              }
            }
            // The winners form one chain from the version the wave started at; one of them had it if anyone did.
            won.sort((a, b) => a.expected - b.expected);
            let version = before;
            for (const w of won) {
              expect(w.expected).toBe(version);
              version += w.events.length;
            }
            if (planned.some((p) => p.stream === stream && p.expected === before)) expect(won.length).toBeGreaterThan(0);
            const stored = await store.readStream(streamOf(stream));
            expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: version }, (_, k) => k + 1));
            expect(ids(stored.slice(before))).toEqual(won.flatMap((w) => ids(w.events)));
            for (const w of won) for (const id of ids(w.events)) winners.add(id);
            versions.set(stream, version);
          }
        }
        const [{ stored }] = (await db.dataSource.query(`SELECT array_agg(event_id::text) AS stored FROM events WHERE stream_id LIKE $1`, [
          `race-${run}-%`,
        ])) as [{ stored: string[] | null }];
        expect(new Set(stored ?? [])).toEqual(winners);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps the log gap-safe while groups commit out of order: a reader sees every event once, each stream in version order', async () => {
    const store = new PostgresEventStore(db.dataSource, { groupCommit: { concurrentGroups: 3, maxAppends: 5 } });
    const reader = new LogReader(db.dataSource);
    let checkpoint = LOG_START;
    const seen: RecordedEvent[] = [];
    let writing = true;
    const readWhileWriting = (async () => {
      while (writing) {
        const batch = await readLog(reader, checkpoint);
        seen.push(...batch);
        const last = batch.at(-1);
        if (last) checkpoint = { transactionId: last.transactionId, position: last.position };
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const writers = 12;
    const appendsEach = 15;
    const appended = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const events: RecordedEvent[] = [];
        let version = 0;
        for (let n = 0; n < appendsEach; n += 1) {
          const result = await store.append(`gap-${writer}`, version, named(`gap-${writer}`, (n % 2) + 1));
          version = result.nextVersion;
          events.push(...result.events);
        }
        return events;
      }),
    );
    writing = false;
    await readWhileWriting;
    const all = appended.flat();
    // Other databases' transactions on this server can hold the snapshot's xmin back for a moment.
    await waitFor(
      async () => {
        const batch = await readLog(reader, checkpoint);
        seen.push(...batch);
        const last = batch.at(-1);
        if (last) checkpoint = { transactionId: last.transactionId, position: last.position };
        return seen.filter((e) => e.streamId.startsWith('gap-')).length >= all.length ? true : undefined;
      },
      { description: 'the reader to see every appended event', timeoutMs: 20_000 },
    );
    const read = seen.filter((e) => e.streamId.startsWith('gap-'));
    expect(ids(read).sort()).toEqual(ids(all).sort());
    for (let writer = 0; writer < writers; writer += 1) {
      const versions = read.filter((e) => e.streamId === `gap-${writer}`).map((e) => e.streamVersion);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, k) => k + 1));
    }
  });
});
