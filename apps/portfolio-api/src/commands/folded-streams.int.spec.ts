import { jest } from '@jest/globals';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { FoldedStreams, type FoldRequest } from './folded-streams.js';

/** A fold that lists what it saw, and counts how many events it was given. */
function listing() {
  const seen: string[] = [];
  const evolve = (state: readonly string[], event: { type: string; data: object }) => {
    seen.push(event.type);
    return [...state, `${event.type}:${(event.data as { n: number }).n}`];
  };
  return { seen, evolve, initial: (): readonly string[] => [] };
}

describe('FoldedStreams', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const append = async (streamId: string, ...ns: number[]) => {
    const version = await store.streamVersion(streamId);
    await store.append(
      streamId,
      version,
      ns.map((n) => ({ type: `E${n}`, schemaVersion: 1, data: { n }, metadata: {} })),
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase('folded_streams');
    dataSource = createEventStoreDataSource(database.url);
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('folds a stream as a whole fold would, then gives the kept state only what was stored since', async () => {
    const folded = new FoldedStreams(store);
    const { seen, evolve, initial } = listing();
    await append('s-1', 1, 2, 3);
    expect(await folded.fold('s-1', evolve, initial)).toEqual({ version: 3, state: ['E1:1', 'E2:2', 'E3:3'] });
    expect(seen).toEqual(['E1', 'E2', 'E3']);

    expect(await folded.fold('s-1', evolve, initial)).toEqual({ version: 3, state: ['E1:1', 'E2:2', 'E3:3'] });
    expect(seen).toHaveLength(3);

    await append('s-1', 4, 5);
    expect(await folded.fold('s-1', evolve, initial)).toEqual({ version: 5, state: ['E1:1', 'E2:2', 'E3:3', 'E4:4', 'E5:5'] });
    expect(seen).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
  });

  it('sees what another instance stored: each asks the store for what follows its kept version', async () => {
    const a = new FoldedStreams(store);
    const b = new FoldedStreams(store);
    const { evolve, initial } = listing();
    await append('s-2', 1);
    expect((await a.fold('s-2', evolve, initial)).version).toBe(1);
    expect((await b.fold('s-2', evolve, initial)).version).toBe(1);
    await append('s-2', 2);
    expect(await a.fold('s-2', evolve, initial)).toEqual({ version: 2, state: ['E1:1', 'E2:2'] });
    await append('s-2', 3);
    expect(await b.fold('s-2', evolve, initial)).toEqual({ version: 3, state: ['E1:1', 'E2:2', 'E3:3'] });
  });

  it('starts an unknown stream from the initial state, at version 0', async () => {
    const folded = new FoldedStreams(store);
    const { evolve, initial } = listing();
    expect(await folded.fold('s-none', evolve, initial)).toEqual({ version: 0, state: [] });
  });

  it('forgets the least recently used stream past its capacity, and keeps none at 0', async () => {
    await append('s-3', 1);
    await append('s-4', 1);
    await append('s-5', 1);
    const folded = new FoldedStreams(store, 2);
    const { seen, evolve, initial } = listing();
    await folded.fold('s-3', evolve, initial);
    await folded.fold('s-4', evolve, initial);
    await folded.fold('s-3', evolve, initial); // s-3 used last: s-4 goes first
    await folded.fold('s-5', evolve, initial);
    expect(folded.size).toBe(2);
    expect(seen).toHaveLength(3);
    await folded.fold('s-3', evolve, initial);
    expect(seen).toHaveLength(3);
    await folded.fold('s-4', evolve, initial);
    expect(seen).toHaveLength(4);

    const none = new FoldedStreams(store, 0);
    const counted = listing();
    await none.fold('s-3', counted.evolve, counted.initial);
    await none.fold('s-3', counted.evolve, counted.initial);
    expect(counted.seen).toEqual(['E1', 'E1']);
    expect(none.size).toBe(0);
  });

  it('keeps the further fold when two folds of one stream finish out of order', async () => {
    await append('s-6', 1);
    const folded = new FoldedStreams(store);
    const { seen, evolve, initial } = listing();
    const [first, second] = await Promise.all([
      folded.fold('s-6', evolve, initial),
      (async () => {
        await append('s-6', 2);
        return folded.fold('s-6', evolve, initial);
      })(),
    ]);
    expect(first.version).toBeLessThanOrEqual(second.version);
    expect(second.version).toBe(2);
    const before = seen.length;
    expect(await folded.fold('s-6', evolve, initial)).toEqual({ version: 2, state: ['E1:1', 'E2:2'] });
    expect(seen.length).toBe(before);
  });

  it('folds several streams with one read of their new events, each as its own fold would', async () => {
    await append('s-7', 1, 2);
    await append('s-8', 1);
    const folded = new FoldedStreams(store);
    const { evolve, initial } = listing();
    await folded.fold('s-7', evolve, initial);
    await append('s-7', 3);
    const reads = jest.spyOn(store, 'readStreams');
    const single = jest.spyOn(store, 'readStream');
    const both = await folded.foldAll([
      { streamId: 's-7', evolve, initial } as FoldRequest<unknown>,
      { streamId: 's-8', evolve, initial } as FoldRequest<unknown>,
      { streamId: 's-none', evolve, initial } as FoldRequest<unknown>,
    ]);
    expect(both).toEqual([
      { version: 3, state: ['E1:1', 'E2:2', 'E3:3'] },
      { version: 1, state: ['E1:1'] },
      { version: 0, state: [] },
    ]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledWith([
      { streamId: 's-7', fromVersion: 3 },
      { streamId: 's-8', fromVersion: 1 },
      { streamId: 's-none', fromVersion: 1 },
    ]);
    expect(single).not.toHaveBeenCalled();
    expect(folded.peek('s-8')).toEqual({ version: 1, state: ['E1:1'] });
    reads.mockRestore();
    single.mockRestore();
  });
});
