import { APPLIED_HERE_KEPT, AppliedVersionWatch, type VersionWaitOutcome } from './applied-version-watch.js';

/** A table of applied versions the test changes, reads the test answers, and the projection's applies. */
function harness(pollMs = 20) {
  const table = new Map<string, number>();
  const reads: { streamIds: readonly string[]; answer(): void; fail(error: Error): void }[] = [];
  let listener: ((streamId: string, version: number) => void) | undefined;
  const watch = new AppliedVersionWatch(
    (streamIds) =>
      new Promise((resolve, reject) => {
        reads.push({
          streamIds,
          answer: () => resolve(new Map(streamIds.filter((id) => table.has(id)).map((id) => [id, table.get(id)!]))),
          fail: reject,
        });
      }),
    (l) => {
      listener = l;
      return () => (listener = undefined);
    },
    pollMs,
  );
  return {
    watch,
    table,
    reads,
    /** This instance applied the version. */
    applied(streamId: string, version: number) {
      table.set(streamId, version);
      listener?.(streamId, version);
    },
    get listening() {
      return listener !== undefined;
    },
  };
}

/** Lets pending promise callbacks and immediate timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The outcome once settled, or 'pending'. */
function track(promise: Promise<VersionWaitOutcome>) {
  const state: { outcome: VersionWaitOutcome | 'pending' | Error } = { outcome: 'pending' };
  promise.then(
    (outcome) => (state.outcome = outcome),
    (error: Error) => (state.outcome = error),
  );
  return state;
}

describe('AppliedVersionWatch', () => {
  it('reads the versions of every waiting reader in one statement at a time, however many wait', async () => {
    const { watch, reads, table } = harness();
    table.set('project-A', 3);
    const waits = Array.from({ length: 50 }, (_, i) => track(watch.waitFor(`project-${i % 2 === 0 ? 'A' : 'B'}`, 1 + (i % 5), 1_000)));
    await settle();
    // The first reader started a read; the 49 others came while it ran: one more read after it, for them all.
    expect(reads).toHaveLength(1);
    reads[0]!.answer();
    await settle();
    expect(reads).toHaveLength(2);
    expect([...reads[1]!.streamIds].sort()).toEqual(['project-A', 'project-B']);
    reads[1]!.answer();
    await settle();
    // project-A is at 3: its readers of versions 1–3 are through; those of 4 and 5, and every project-B reader, wait.
    const through = waits.filter((w, i) => i % 2 === 0 && 1 + (i % 5) <= 3);
    expect(through.length).toBeGreaterThan(0);
    for (const w of through) expect(w.outcome).toEqual({ reached: true, applied: 3 });
    expect(watch.waiters).toBe(50 - through.length);
    watch.close();
  });

  it('wakes a reader at once when this instance applies its version, without reading', async () => {
    const { watch, reads, applied } = harness(10_000);
    const wait = track(watch.waitFor('agreement-AG-1', 2, 5_000));
    await settle();
    reads[0]!.answer();
    await settle();
    expect(wait.outcome).toBe('pending');
    applied('agreement-AG-1', 1);
    await settle();
    expect(wait.outcome).toBe('pending');
    applied('agreement-AG-1', 2);
    await settle();
    expect(wait.outcome).toEqual({ reached: true, applied: 2, appliedHere: true });
    expect(reads).toHaveLength(1);
    expect(watch.waiters).toBe(0);
    watch.close();
  });

  it('lets a reader of a version this instance has already applied go at once, without reading', async () => {
    const { watch, reads, applied, table } = harness(10_000);
    applied('project-H', 3);
    await expect(watch.waitFor('project-H', 2, 1_000)).resolves.toEqual({ reached: true, applied: 3, appliedHere: true });
    await expect(watch.waitFor('project-H', 3, 1_000)).resolves.toEqual({ reached: true, applied: 3, appliedHere: true });
    expect(reads).toHaveLength(0);
    // A later version, or one another instance applied, is read: found applied there, it is not "here".
    table.set('project-H', 4);
    const later = track(watch.waitFor('project-H', 4, 1_000));
    await settle();
    expect(reads).toHaveLength(1);
    reads[0]!.answer();
    await settle();
    expect(later.outcome).toEqual({ reached: true, applied: 4 });
    watch.close();
  });

  it('remembers the streams it applied most recently, up to APPLIED_HERE_KEPT', async () => {
    const { watch, reads, applied } = harness(10_000);
    applied('project-OLD', 1);
    applied('project-RENEWED', 1);
    for (let i = 0; i < APPLIED_HERE_KEPT - 2; i += 1) applied(`project-${i}`, 1);
    applied('project-RENEWED', 2);
    applied('project-NEW', 1);
    await expect(watch.waitFor('project-RENEWED', 2, 1_000)).resolves.toMatchObject({ appliedHere: true });
    await expect(watch.waitFor('project-NEW', 1, 1_000)).resolves.toMatchObject({ appliedHere: true });
    expect(reads).toHaveLength(0);
    // The least recently applied stream was forgotten: its reader reads.
    const old = track(watch.waitFor('project-OLD', 1, 1_000));
    await settle();
    expect(reads).toHaveLength(1);
    reads[0]!.answer();
    await settle();
    expect(old.outcome).toEqual({ reached: true, applied: 1 });
    watch.close();
  });

  it('finds what another instance applied by reading again every tick while readers wait, and stops when none does', async () => {
    const { watch, reads, table } = harness(20);
    const wait = track(watch.waitFor('project-X', 4, 5_000));
    await settle();
    reads[0]!.answer();
    await sleep(40);
    expect(reads.length).toBe(2);
    table.set('project-X', 4); // written by another instance: no listener hears it
    reads[1]!.answer();
    await settle();
    expect(wait.outcome).toEqual({ reached: true, applied: 4 });
    await sleep(60);
    expect(reads.length).toBe(2);
    watch.close();
  });

  it('lets a reader go when its time runs out, with the version last seen', async () => {
    const { watch, reads, table } = harness(10_000);
    table.set('project-Y', 1);
    const wait = track(watch.waitFor('project-Y', 2, 30));
    await settle();
    reads[0]!.answer();
    await sleep(60);
    expect(wait.outcome).toEqual({ reached: false, applied: 1 });
    expect(watch.waiters).toBe(0);
    watch.close();
  });

  it('reads at least once before a reader with no time at all is let go', async () => {
    const { watch, reads, table } = harness();
    table.set('project-Z', 5);
    const already = track(watch.waitFor('project-Z', 5, 0));
    const notYet = track(watch.waitFor('project-Z', 6, 0));
    await sleep(10);
    expect(already.outcome).toBe('pending');
    reads[0]!.answer();
    await settle();
    expect(already.outcome).toEqual({ reached: true, applied: 5 });
    // The second reader came while the first read ran: the read after it covers it, then it goes.
    expect(notYet.outcome).toBe('pending');
    reads[1]!.answer();
    await settle();
    expect(notYet.outcome).toEqual({ reached: false, applied: 5 });
    watch.close();
  });

  it('fails the readers of a read that failed, and reads anew for the next one', async () => {
    const { watch, reads, table } = harness();
    const failed = track(watch.waitFor('project-F', 1, 1_000));
    await settle();
    reads[0]!.fail(new Error('connection terminated'));
    await settle();
    expect(failed.outcome).toEqual(new Error('connection terminated'));
    table.set('project-F', 1);
    const next = track(watch.waitFor('project-F', 1, 1_000));
    await settle();
    reads[1]!.answer();
    await settle();
    expect(next.outcome).toEqual({ reached: true, applied: 1 });
    watch.close();
  });

  it('on close stops listening and lets every reader go as not reached', async () => {
    const h = harness();
    const wait = track(h.watch.waitFor('project-C', 9, 60_000));
    await settle();
    h.watch.close();
    await settle();
    expect(wait.outcome).toEqual({ reached: false, applied: 0 });
    expect(h.listening).toBe(false);
  });
});
