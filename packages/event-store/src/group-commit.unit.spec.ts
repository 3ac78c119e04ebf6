import { DEFAULT_GROUP_COMMIT, groupCommitFromEnv, GroupCommitter } from './group-commit.js';

interface Item {
  key: string;
  size: number;
  label: string;
}

/** A commit function the test finishes by hand: every group it was handed, and how many ran at once. */
function controlledCommit(answer: (item: Item) => PromiseSettledResult<string> = (item) => ({ status: 'fulfilled', value: `done ${item.label}` })) {
  const groups: { items: Item[]; finish(): void; fail(error: unknown): void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const commit = (items: Item[]) =>
    new Promise<PromiseSettledResult<string>[]>((resolve, reject) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      groups.push({
        items,
        finish: () => {
          running -= 1;
          resolve(items.map(answer));
        },
        fail: (error) => {
          running -= 1;
          reject(error);
        },
      });
    });
  return { commit, groups, mostAtOnce: () => mostAtOnce };
}

const describeItem = (item: Item) => ({ key: item.key, size: item.size });
const item = (key: string, label = key, size = 1): Item => ({ key, size, label });
const labels = (items: Item[]) => items.map((i) => i.label);

/** Lets setImmediate callbacks (the committer's pump) and settled promises run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitter', () => {
  it('gathers items submitted together into one group and settles each with its own result', async () => {
    const { commit, groups } = controlledCommit((i) =>
      i.label === 'b' ? { status: 'rejected', reason: new Error('b refused') } : { status: 'fulfilled', value: `done ${i.label}` },
    );
    const committer = new GroupCommitter(commit, describeItem);
    const results = ['a', 'b', 'c'].map((key) => committer.submit(item(key)));
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([['a', 'b', 'c']]);
    groups[0]!.finish();
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['done a', 'b refused', 'done c']);
  });

  it('never puts two items of one key in a group or in two groups at once, and keeps their order', async () => {
    const { commit, groups } = controlledCommit();
    const committer = new GroupCommitter(commit, describeItem, { concurrentGroups: 4 });
    const submitted = [item('s', 's1'), item('t', 't1'), item('s', 's2'), item('u', 'u1'), item('s', 's3'), item('t', 't2')];
    const results = submitted.map((i) => committer.submit(i));
    await turn();
    // s2 waits for s1, and t2 for t1; u1 has nothing before it.
    expect(groups.map((g) => labels(g.items))).toEqual([['s1', 't1', 'u1']]);
    groups[0]!.finish();
    await turn();
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([
      ['s1', 't1', 'u1'],
      ['s2', 't2'],
    ]);
    groups[1]!.finish();
    await turn();
    await turn();
    expect(labels(groups[2]!.items)).toEqual(['s3']);
    groups[2]!.finish();
    expect(await Promise.all(results)).toEqual(submitted.map((i) => `done ${i.label}`));
  });

  it('caps a group by appends and by events; an item larger than the event cap goes alone', async () => {
    const { commit, groups } = controlledCommit();
    const committer = new GroupCommitter(commit, describeItem, { maxAppends: 3, maxEvents: 10, concurrentGroups: 10 });
    const submitted = [
      item('a', 'a', 1),
      item('b', 'b', 1),
      item('c', 'c', 1),
      item('d', 'd', 1), // four singles: 3 + 1
      item('e', 'e', 6),
      item('f', 'f', 6), // 6 + 6 > 10
      item('g', 'g', 25), // alone, over the cap
      item('h', 'h', 4),
    ];
    const results = submitted.map((i) => committer.submit(i));
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f'], ['g'], ['h']]);
    for (const group of groups) group.finish();
    expect(await Promise.all(results)).toHaveLength(submitted.length);
  });

  it('runs at most concurrentGroups groups at once; the next group forms from what queues meanwhile', async () => {
    const { commit, groups, mostAtOnce } = controlledCommit();
    const committer = new GroupCommitter(commit, describeItem, { concurrentGroups: 2, maxAppends: 2 });
    const results = Array.from({ length: 9 }, (_, n) => committer.submit(item(`k${n}`)));
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([
      ['k0', 'k1'],
      ['k2', 'k3'],
    ]);
    const late = committer.submit(item('late'));
    groups[1]!.finish();
    await turn();
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([
      ['k0', 'k1'],
      ['k2', 'k3'],
      ['k4', 'k5'],
    ]);
    // Finish whatever is committing until nothing is left.
    for (let finished = 0; finished < groups.length;) {
      for (const group of groups.slice(finished)) group.finish();
      finished = groups.length;
      await turn();
      await turn();
    }
    await Promise.all([...results, late]);
    expect(mostAtOnce()).toBe(2);
  });

  it('rejects only the items of a group whose commit failed, and goes on with the next', async () => {
    const { commit, groups } = controlledCommit();
    const committer = new GroupCommitter(commit, describeItem, { concurrentGroups: 1, maxAppends: 2 });
    const settling = Promise.allSettled(['a', 'b', 'c'].map((key) => committer.submit(item(key))));
    await turn();
    groups[0]!.fail(new Error('connection lost'));
    await turn();
    await turn();
    groups[1]!.finish();
    const settled = await settling;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((settled[0] as PromiseRejectedResult).reason).toEqual(new Error('connection lost'));
  });

  it('waits up to maxWaitMs for a group to fill, and not at all once it is full', async () => {
    const { commit, groups } = controlledCommit();
    const committer = new GroupCommitter(commit, describeItem, { maxAppends: 3, maxWaitMs: 60_000 });
    const first = committer.submit(item('a'));
    await turn();
    await turn();
    expect(groups).toHaveLength(0); // one of three: it waits for more
    const full = [first, ...['b', 'c'].map((key) => committer.submit(item(key)))];
    await turn();
    expect(groups.map((g) => labels(g.items))).toEqual([['a', 'b', 'c']]);
    groups[0]!.finish();
    await Promise.all(full);

    const waiting = new GroupCommitter(commit, describeItem, { maxAppends: 3, maxWaitMs: 1 });
    const partial = ['d', 'e'].map((key) => waiting.submit(item(key)));
    const finishWhenFormed = (async () => {
      while (groups.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      groups[1]!.finish();
    })();
    await finishWhenFormed;
    expect(await Promise.all(partial)).toEqual(['done d', 'done e']);
    expect(labels(groups[1]!.items)).toEqual(['d', 'e']);
  });

  it('refuses settings that cannot work', () => {
    const { commit } = controlledCommit();
    expect(() => new GroupCommitter(commit, describeItem, { maxAppends: 0 })).toThrow(RangeError);
    expect(() => new GroupCommitter(commit, describeItem, { concurrentGroups: 1.5 })).toThrow(RangeError);
    expect(() => new GroupCommitter(commit, describeItem, { maxWaitMs: -1 })).toThrow(RangeError);
  });
});

describe('groupCommitFromEnv', () => {
  it('is on with the defaults when nothing is set, off when asked, and reads each limit', () => {
    expect(groupCommitFromEnv({})).toEqual({});
    expect(groupCommitFromEnv({ EVENT_STORE_GROUP_COMMIT: 'off' })).toBe(false);
    expect(
      groupCommitFromEnv({
        EVENT_STORE_GROUP_COMMIT: 'on',
        EVENT_STORE_GROUP_MAX_APPENDS: '8',
        EVENT_STORE_GROUP_MAX_EVENTS: '200',
        EVENT_STORE_GROUP_CONCURRENCY: '3',
        EVENT_STORE_GROUP_MAX_WAIT_MS: '0',
      }),
    ).toEqual({ maxAppends: 8, maxEvents: 200, concurrentGroups: 3, maxWaitMs: 0 });
    expect(DEFAULT_GROUP_COMMIT.maxAppends).toBeGreaterThan(1);
  });

  it('refuses values it cannot use', () => {
    expect(() => groupCommitFromEnv({ EVENT_STORE_GROUP_COMMIT: 'sometimes' })).toThrow(/on or off/);
    expect(() => groupCommitFromEnv({ EVENT_STORE_GROUP_MAX_APPENDS: '0' })).toThrow(/EVENT_STORE_GROUP_MAX_APPENDS/);
    expect(() => groupCommitFromEnv({ EVENT_STORE_GROUP_MAX_WAIT_MS: '-1' })).toThrow(/EVENT_STORE_GROUP_MAX_WAIT_MS/);
  });
});
