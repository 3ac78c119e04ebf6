import { GatheredCalls } from './gathered-calls.js';

/** A worker whose runs end when the test says, recording the items of each. */
function worker() {
  const runs: { items: string[]; finish(): void; fail(error: Error): void }[] = [];
  const work = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      runs.push({ items, finish: resolve, fail: reject });
    });
  return { runs, work };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state: { outcome: 'pending' | 'done' | Error } = { outcome: 'pending' };
  promise.then(
    () => (state.outcome = 'done'),
    (error: Error) => (state.outcome = error),
  );
  return state;
}

describe('GatheredCalls', () => {
  it('works on the calls of one turn as one group, in the order they came', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 100);
    const a = track(gathered.run(['a1', 'a2']));
    const b = track(gathered.run(['b1']));
    const c = track(gathered.run(['c1', 'c2']));
    await turn();
    expect(runs.map((r) => r.items)).toEqual([['a1', 'a2', 'b1', 'c1', 'c2']]);
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['pending', 'pending', 'pending']);
    runs[0]!.finish();
    await turn();
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['done', 'done', 'done']);
  });

  it('gathers the calls made while a group is worked on into the next group, one group at a time', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 100);
    const first = track(gathered.run(['1']));
    await turn();
    const second = track(gathered.run(['2']));
    const third = track(gathered.run(['3']));
    await turn();
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await turn();
    expect(first.outcome).toBe('done');
    expect(runs.map((r) => r.items)).toEqual([['1'], ['2', '3']]);
    expect([second.outcome, third.outcome]).toEqual(['pending', 'pending']);
    runs[1]!.finish();
    await turn();
    expect([second.outcome, third.outcome]).toEqual(['done', 'done']);
  });

  it('stops adding calls to a group once it holds maxItems, never splitting a call', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 3);
    const calls = [['a', 'b'], ['c', 'd'], ['e'], ['f']].map((items) => track(gathered.run(items)));
    await turn();
    expect(runs.map((r) => r.items)).toEqual([['a', 'b', 'c', 'd']]);
    runs[0]!.finish();
    await turn();
    expect(runs.map((r) => r.items)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', 'f'],
    ]);
    runs[1]!.finish();
    await turn();
    expect(calls.map((c) => c.outcome)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('answers every caller of a failed group with its failure, and goes on with the next group', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 100);
    const a = track(gathered.run(['a']));
    const b = track(gathered.run(['b']));
    await turn();
    const c = track(gathered.run(['c']));
    runs[0]!.fail(new Error('database unavailable'));
    await turn();
    expect(a.outcome).toEqual(new Error('database unavailable'));
    expect(b.outcome).toEqual(new Error('database unavailable'));
    // The next group is taken a turn later, once the failed group's callers have heard of it.
    await turn();
    expect(runs.map((r) => r.items)).toEqual([['a', 'b'], ['c']]);
    runs[1]!.finish();
    await turn();
    expect(c.outcome).toBe('done');
  });

  it('answers a call no longer wanted when its group is taken, without working on its items', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 100);
    let wanted = true;
    const a = track(gathered.run(['a1']));
    await turn();
    const b = track(gathered.run(['b1'], () => wanted));
    const c = track(gathered.run(['c1']));
    wanted = false;
    runs[0]!.finish();
    await turn();
    expect(runs.map((r) => r.items)).toEqual([['a1'], ['c1']]);
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['done', 'done', 'pending']);
  });

  it('lets the callers of a failed group hear of it before the next group is taken, so they can withdraw later calls', async () => {
    const { runs, work } = worker();
    const gathered = new GatheredCalls(work, 100);
    let failed = false;
    gathered.run(['a1']).catch(() => (failed = true));
    await turn();
    const b = track(gathered.run(['b1'], () => !failed));
    runs[0]!.fail(new Error('away'));
    await turn();
    await turn();
    expect(runs.map((r) => r.items)).toEqual([['a1']]);
    expect(b.outcome).toBe('done');
  });
});
