import { FetchAhead, type FetchedSlice } from './fetch-ahead.js';
import { GatheredCalls } from './parking/gathered-calls.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * An apply pipeline like the consumer's (calls gathered into groups, one group at a time) whose groups end
 * when the test says, recording what each applied, and the commits and seeks FetchAhead made.
 */
function pipeline() {
  const groups: { slices: string[]; finish(): void; fail(error: Error): void }[] = [];
  const gathered = new GatheredCalls<string>(
    (slices) =>
      new Promise<void>((resolve, reject) => {
        groups.push({ slices, finish: resolve, fail: reject });
      }),
    Number.POSITIVE_INFINITY,
  );
  const commits: string[] = [];
  const seeks: string[] = [];
  const failures: unknown[] = [];
  const ahead = new FetchAhead({
    commit: async ({ topic, partition, offset }) => void commits.push(`${topic}/${partition}@${offset}`),
    seek: ({ topic, partition, offset }) => void seeks.push(`${topic}/${partition}@${offset}`),
    onFailure: (error) => void failures.push(error),
  });
  const slice = (partition: number, first: number, last: number): FetchedSlice => ({
    topic: 't',
    partition,
    firstOffset: String(first),
    lastOffset: String(last),
    apply: (wanted) => gathered.run([`${partition}:${first}-${last}`], wanted),
  });
  const applied = () => groups.map((g) => g.slices);
  return { ahead, groups, commits, seeks, failures, slice, applied };
}

describe('FetchAhead', () => {
  it('lets the next fetch be handed over while the one before is applied, and commits each slice only after it was applied, in order', async () => {
    const { ahead, groups, commits, slice, applied } = pipeline();
    let firstReturned = false;
    void ahead.handOver([slice(0, 0, 9), slice(1, 0, 4)]).then(() => (firstReturned = true));
    await turn();
    // Nothing was handed over before it: the first fetch's handler need not wait.
    expect(firstReturned).toBe(true);
    expect(applied()).toEqual([['0:0-9', '1:0-4']]);

    let secondReturned = false;
    void ahead.handOver([slice(0, 10, 19)]).then(() => (secondReturned = true));
    await turn();
    // Handed over (its offsets resolved, so kafkajs could fetch on) but neither applied nor committed yet.
    expect(commits).toEqual([]);
    expect(secondReturned).toBe(false);

    groups[0]!.finish();
    await turn();
    await turn();
    expect(commits).toEqual(['t/0@10', 't/1@5']);
    expect(secondReturned).toBe(true);
    expect(applied()).toEqual([['0:0-9', '1:0-4'], ['0:10-19']]);
    groups[1]!.finish();
    await ahead.settled();
    expect(commits).toEqual(['t/0@10', 't/1@5', 't/0@20']);
  });

  it('after a failed apply withdraws every slice handed over after it, commits none of them, and reads each partition again from its first uncommitted offset', async () => {
    const { ahead, groups, commits, seeks, failures, slice, applied } = pipeline();
    void ahead.handOver([slice(0, 0, 9), slice(1, 0, 4)]);
    await turn();
    groups[0]!.finish();
    await turn();
    await turn();
    expect(commits).toEqual(['t/0@10', 't/1@5']);

    void ahead.handOver([slice(0, 10, 19)]);
    await turn();
    const waiting = ahead.handOver([slice(0, 20, 29), slice(1, 5, 9), slice(2, 0, 3)]);
    await turn();
    const outage = new Error('the database is away');
    groups[1]!.fail(outage);
    await waiting;
    await ahead.settled();

    // The slices fetched ahead were not applied (applying 20-29 without 10-19 would skip events).
    expect(applied()).toEqual([['0:0-9', '1:0-4'], ['0:10-19']]);
    expect(commits).toEqual(['t/0@10', 't/1@5']);
    expect(seeks.sort()).toEqual(['t/0@10', 't/1@5', 't/2@0']);
    expect(failures).toEqual([outage]);
    expect(ahead.takeFailure()).toEqual({ error: outage });
    expect(ahead.takeFailure()).toBeUndefined();

    // Read again from there, the slices are applied and committed as before.
    void ahead.handOver([slice(0, 10, 19), slice(1, 5, 9)]);
    await turn();
    groups[2]!.finish();
    await ahead.settled();
    expect(commits).toEqual(['t/0@10', 't/1@5', 't/0@20', 't/1@10']);
  });

  it('reads a partition again from its first uncommitted slice when a commit fails', async () => {
    const { slice, groups, seeks } = pipeline();
    const failing = new FetchAhead({
      commit: () => Promise.reject(new Error('not the coordinator')),
      seek: ({ topic, partition, offset }) => void seeks.push(`${topic}/${partition}@${offset}`),
      onFailure: () => undefined,
    });
    void failing.handOver([slice(3, 40, 49)]);
    await turn();
    groups[0]!.finish();
    await failing.settled();
    expect(seeks).toEqual(['t/3@40']);
    expect(failing.takeFailure()?.error).toEqual(new Error('not the coordinator'));
  });

  it('commits nothing handed over before the group was joined again', async () => {
    const { ahead, groups, commits, seeks, slice, applied } = pipeline();
    void ahead.handOver([slice(0, 0, 9)]);
    await turn();
    void ahead.handOver([slice(0, 10, 19)]);
    await turn();
    ahead.restart();
    groups[0]!.finish();
    await ahead.settled();
    // The slice being applied finished; neither it nor the one waiting is committed on the new owner's behalf.
    expect(applied()).toEqual([['0:0-9']]);
    expect(commits).toEqual([]);
    expect(seeks).toEqual([]);
    expect(ahead.takeFailure()).toBeUndefined();
  });
  it('fails an apply while the consumer is not running (seek throws) without throwing out of the pipeline', async () => {
    const { slice, groups } = pipeline();
    const failures: unknown[] = [];
    const restarting = new FetchAhead({
      commit: async () => undefined,
      seek: () => {
        throw new Error('Consumer group was not initialized, consumer#run must be called first');
      },
      onFailure: (error) => void failures.push(error),
    });
    void restarting.handOver([slice(0, 0, 9)]);
    await turn();
    const waiting = restarting.handOver([slice(0, 10, 19), slice(1, 0, 4)]);
    await turn();
    const outage = new Error('connect ECONNREFUSED');
    groups[0]!.fail(outage);
    // Neither the handler waiting on the slices before nor everything handed over rejects: no unhandled rejection.
    await expect(waiting).resolves.toBeUndefined();
    await expect(restarting.settled()).resolves.toBeUndefined();
    expect(failures).toEqual([outage]);
    expect(restarting.takeFailure()).toEqual({ error: outage });
  });
});
