import { IdlePool, summarise, type LoadSamples } from './http-load.js';

const samples = (overrides: Partial<LoadSamples>): LoadSamples => ({
  sent: 0,
  elapsedMs: 0,
  commandMs: [],
  visibleMs: [],
  failures: {},
  firstFailure: {},
  ...overrides,
});

describe('IdlePool', () => {
  it('hands the items out in turn, the one idle longest first', async () => {
    const pool = new IdlePool(['a', 'b', 'c']);
    expect([await pool.acquire(), await pool.acquire()]).toEqual(['a', 'b']);
    pool.release('a');
    expect([await pool.acquire(), await pool.acquire()]).toEqual(['c', 'a']);
  });

  it('never hands out an item in use: a caller waits until one is released, first come first served', async () => {
    const pool = new IdlePool(['only']);
    const held = await pool.acquire();
    const order: string[] = [];
    const first = pool.acquire().then((item) => order.push(`first got ${item}`));
    const second = pool.acquire().then((item) => order.push(`second got ${item}`));
    await Promise.resolve();
    expect(order).toEqual([]);
    pool.release(held);
    await first;
    expect(order).toEqual(['first got only']);
    pool.release('only');
    await second;
    expect(order).toEqual(['first got only', 'second got only']);
  });

  it('releases the item when the work fails', async () => {
    const pool = new IdlePool([1]);
    await expect(pool.with(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(pool.with((item) => Promise.resolve(item * 10))).resolves.toBe(10);
  });

  it('gives up waiting after the timeout without taking the item released later', async () => {
    const pool = new IdlePool(['a']);
    const held = await pool.acquire();
    await expect(pool.acquire(1)).rejects.toMatchObject({ name: 'TimeoutError' });
    pool.release(held);
    expect(pool.idleCount).toBe(1);
    await expect(pool.acquire(1)).resolves.toBe('a');
  });

  it('refuses an empty pool (it would wait for ever)', () => {
    expect(() => new IdlePool([])).toThrow(RangeError);
  });
});

describe('summarise', () => {
  it('reports answered commands per second over the elapsed time and nearest-rank percentiles', () => {
    // 200 answers of 1..200 ms over 4 s: 50/s; p50 is the 100th value, p99 the 198th.
    const commandMs = Array.from({ length: 200 }, (_, i) => 200 - i);
    const figure = summarise(samples({ sent: 200, elapsedMs: 4_000, commandMs }), false);
    expect(figure).toEqual({ sent: 200, answered: 200, commandsPerSecond: 50, p50: 100, p99: 198, failures: {} });
  });

  it('counts a command without an answer as infinitely late', () => {
    // 98 answers of 5 ms and 2 failures out of 100: the 99th value is a failure.
    const figure = summarise(samples({ sent: 100, elapsedMs: 1_000, commandMs: Array(98).fill(5), failures: { 'command HTTP 500': 2 } }), false);
    expect(figure.p50).toBe(5);
    expect(figure.p99).toBe(Number.POSITIVE_INFINITY);
    expect(figure.answered).toBe(98);
    expect(figure.commandsPerSecond).toBe(98);
    expect(figure.failures).toEqual({ 'command HTTP 500': 2 });
  });

  it('reports command → visible when asked, the commands never visible counted as infinitely late', () => {
    // 100 sent, 100 answered, 99 visible (10 ms each): p99 is the 99th value, still a visible one.
    const figure = summarise(samples({ sent: 100, elapsedMs: 2_000, commandMs: Array(100).fill(3), visibleMs: Array(99).fill(10) }), true);
    expect(figure.visible).toEqual({ p50: 10, p99: 10, count: 99 });
    const worse = summarise(samples({ sent: 100, elapsedMs: 2_000, commandMs: Array(100).fill(3), visibleMs: Array(98).fill(10) }), true);
    expect(worse.visible?.p99).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports no rate when nothing was answered', () => {
    const figure = summarise(samples({ sent: 10, elapsedMs: 0 }), false);
    expect(figure.commandsPerSecond).toBe(0);
    expect(figure.p50).toBe(Number.POSITIVE_INFINITY);
  });
});
