import { waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('resolves with the first defined value', async () => {
    let calls = 0;
    const value = await waitFor(async () => (++calls >= 3 ? `ready after ${calls}` : undefined), {
      description: 'the third call',
      timeoutMs: 1_000,
      intervalMs: 1,
    });
    expect(value).toBe('ready after 3');
  });

  it('resolves with falsy values other than undefined', async () => {
    await expect(waitFor(async () => 0, { description: 'zero', timeoutMs: 100 })).resolves.toBe(0);
    await expect(waitFor(async () => null, { description: 'null', timeoutMs: 100 })).resolves.toBeNull();
  });

  it('rejects naming the description when time runs out', async () => {
    const started = Date.now();
    await expect(waitFor(async () => undefined, { description: 'project-7 at version 3', timeoutMs: 80, intervalMs: 10 })).rejects.toThrow(
      /Timed out after 80 ms .*waiting for project-7 at version 3$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('retries a probe that throws and names its last error on timeout', async () => {
    let calls = 0;
    await expect(
      waitFor(
        async () => {
          calls += 1;
          throw new Error(`connection refused #${calls}`);
        },
        { description: 'the database', timeoutMs: 50, intervalMs: 5 },
      ),
    ).rejects.toThrow(/waiting for the database; last error: connection refused #\d+/);
    expect(calls).toBeGreaterThan(1);
  });

  it('recovers when a throwing probe later succeeds', async () => {
    let calls = 0;
    const value = await waitFor(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'up';
      },
      { description: 'recovery', timeoutMs: 1_000, intervalMs: 1 },
    );
    expect(value).toBe('up');
  });
});
