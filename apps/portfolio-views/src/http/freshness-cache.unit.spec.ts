import { FreshnessCache, type FreshnessReading } from './freshness-cache.js';

/** A reader whose reads answer when the test says, and a clock the test moves. */
function harness(maxAgeMs = 50) {
  let now = 1_000;
  const reads: { startedAt: number; answer(reading: FreshnessReading): void; fail(error: Error): void }[] = [];
  const cache = new FreshnessCache(
    () =>
      new Promise<FreshnessReading>((resolve, reject) => {
        reads.push({ startedAt: now, answer: resolve, fail: reject });
      }),
    maxAgeMs,
    () => now,
  );
  return {
    cache,
    reads,
    at(ms: number) {
      now = ms;
    },
  };
}

const caughtUp = (position: string): FreshnessReading => ({ position, lagMs: 0, behind: false });

describe('FreshnessCache', () => {
  it('shares one read between concurrent requests and between the requests of the next maxAgeMs', async () => {
    const { cache, reads, at } = harness();
    const first = cache.freshness();
    const second = cache.freshness();
    expect(reads).toHaveLength(1);
    reads[0]!.answer(caughtUp('41'));
    expect(await first).toEqual({ position: '41', lagMs: 0 });
    expect(await second).toEqual({ position: '41', lagMs: 0 });
    at(1_024);
    expect(await cache.freshness()).toEqual({ position: '41', lagMs: 0 });
    expect(reads).toHaveLength(1);
  });

  it('reads again in the background past half its age, and waits for a read once it is maxAgeMs old', async () => {
    const { cache, reads, at } = harness();
    const first = cache.freshness();
    reads[0]!.answer(caughtUp('41'));
    await first;
    at(1_025);
    // Still answered from the first reading, while a second one starts.
    expect(await cache.freshness()).toEqual({ position: '41', lagMs: 0 });
    expect(reads.map((r) => r.startedAt)).toEqual([1_000, 1_025]);
    reads[1]!.answer(caughtUp('42'));
    await Promise.resolve();
    expect(await cache.freshness()).toEqual({ position: '42', lagMs: 0 });
    at(1_076);
    const late = cache.freshness();
    expect(reads).toHaveLength(3);
    reads[2]!.answer(caughtUp('43'));
    expect(await late).toEqual({ position: '43', lagMs: 0 });
  });

  it('reads again after something was applied, without joining a read begun before it', async () => {
    const { cache, reads, at } = harness();
    const first = cache.freshness();
    reads[0]!.answer(caughtUp('41'));
    await first;
    at(1_010);
    const inFlight = cache.freshness({ readNow: true });
    cache.invalidate();
    const after = cache.freshness();
    expect(reads).toHaveLength(3);
    reads[1]!.answer(caughtUp('41'));
    reads[2]!.answer(caughtUp('42'));
    expect(await inFlight).toEqual({ position: '41', lagMs: 0 });
    expect(await after).toEqual({ position: '42', lagMs: 0 });
  });

  it('reads anew when asked for a reading begun no earlier than the call (after a consistentWith wait)', async () => {
    const { cache, reads, at } = harness();
    const first = cache.freshness();
    reads[0]!.answer(caughtUp('41'));
    await first;
    at(1_001);
    const fresh = cache.freshness({ readNow: true });
    expect(reads).toHaveLength(2);
    reads[1]!.answer(caughtUp('44'));
    expect(await fresh).toEqual({ position: '44', lagMs: 0 });
  });

  it('counts the lag of a reading behind the store from when that read began', async () => {
    const { cache, reads, at } = harness();
    const first = cache.freshness();
    reads[0]!.answer({ position: '41', lagMs: 300, behind: true });
    expect(await first).toEqual({ position: '41', lagMs: 300 });
    at(1_020);
    expect(await cache.freshness()).toEqual({ position: '41', lagMs: 320 });
  });

  it('keeps no failed read: the next request reads again', async () => {
    const { cache, reads } = harness();
    const failed = cache.freshness();
    reads[0]!.fail(new Error('column "position" does not exist'));
    await expect(failed).rejects.toThrow('column "position" does not exist');
    const next = cache.freshness();
    expect(reads).toHaveLength(2);
    reads[1]!.answer(caughtUp('41'));
    expect(await next).toEqual({ position: '41', lagMs: 0 });
  });

  it('reads for every request when its age is 0', async () => {
    const { cache, reads, at } = harness(0);
    const first = cache.freshness();
    reads[0]!.answer(caughtUp('41'));
    await first;
    at(1_001);
    void cache.freshness();
    expect(reads).toHaveLength(2);
  });
});
