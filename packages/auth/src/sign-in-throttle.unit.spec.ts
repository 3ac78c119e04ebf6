import { SignInThrottle, type SignInLimits, type SignInVerdict } from './sign-in-throttle.js';

const limits: SignInLimits = { failuresPerIp: 6, failuresPerUser: 3, firstBackoffSeconds: 1, maxBackoffSeconds: 8 };

function clock(): { now: () => number; advance(seconds: number): void } {
  let t = 1_000_000;
  return { now: () => t, advance: (seconds) => void (t += seconds * 1000) };
}

/** The verdict's wait in seconds, or 0 when allowed (the attempt is then ended as `outcome`). */
function attempt(throttle: SignInThrottle, ip: string, user: string, outcome: 'failed' | 'succeeded' | 'pending' = 'failed'): number {
  const verdict: SignInVerdict = throttle.begin(ip, user);
  if (!verdict.allowed) return verdict.retryAfterSeconds;
  if (outcome === 'failed') verdict.attempt.failed();
  if (outcome === 'succeeded') verdict.attempt.succeeded();
  return 0;
}

describe('SignInThrottle', () => {
  it('lets a user name fail its free number of times, then makes it wait, doubling the wait up to the cap', () => {
    const time = clock();
    const throttle = new SignInThrottle(limits, time.now);
    const waits: number[] = [];
    for (let i = 0; i < limits.failuresPerUser; i++) waits.push(attempt(throttle, `10.0.0.${i}`, 'alice'));
    expect(waits).toEqual([0, 0, 0]);
    // After the free failures: wait, then one more try per wait, each failure doubling it (1, 2, 4, 8, 8 s).
    const expected = [1, 2, 4, 8, 8];
    const seen: number[] = [];
    for (const wait of expected) {
      seen.push(attempt(throttle, '10.0.1.1', 'alice'));
      time.advance(wait);
      expect(attempt(throttle, '10.0.1.1', 'alice')).toBe(0);
    }
    expect(seen).toEqual(expected);
  });

  it('limits a client address across user names, and a success does not clear the address', () => {
    const time = clock();
    const throttle = new SignInThrottle(limits, time.now);
    const waits = Array.from({ length: limits.failuresPerIp + 2 }, (_, i) => attempt(throttle, '203.0.113.9', `user-${i}`));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(limits.failuresPerIp);
    expect(waits.slice(limits.failuresPerIp)).toEqual([1, 1]);
    time.advance(1);
    expect(attempt(throttle, '203.0.113.9', 'bob', 'succeeded')).toBe(0);
    // Still past its free failures: one try per wait, and the next failure doubles the wait.
    expect(attempt(throttle, '203.0.113.9', 'carol')).toBe(0);
    expect(attempt(throttle, '203.0.113.9', 'erin')).toBe(2);
    // Another address is not affected.
    expect(attempt(throttle, '198.51.100.1', 'dave')).toBe(0);
  });

  it('counts attempts under way, so a parallel burst gets no further than the same guesses one by one', () => {
    const throttle = new SignInThrottle(limits, clock().now);
    const verdicts = Array.from({ length: 12 }, () => throttle.begin('192.0.2.1', 'alice'));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(limits.failuresPerUser);
    expect(verdicts.filter((verdict) => !verdict.allowed).map((verdict) => (verdict.allowed ? 0 : verdict.retryAfterSeconds))).toEqual(Array(9).fill(1));
  });

  it('starts a user name over after a success, and forgets an abandoned attempt', () => {
    const time = clock();
    const throttle = new SignInThrottle(limits, time.now);
    attempt(throttle, '192.0.2.1', 'alice');
    attempt(throttle, '192.0.2.1', 'alice');
    const verdict = throttle.begin('192.0.2.1', 'alice');
    if (!verdict.allowed) throw new Error('the third attempt is free');
    verdict.attempt.abandoned();
    verdict.attempt.failed(); // ending twice counts once
    expect(attempt(throttle, '192.0.2.1', 'alice', 'succeeded')).toBe(0);
    expect([attempt(throttle, '192.0.2.2', 'alice'), attempt(throttle, '192.0.2.2', 'alice'), attempt(throttle, '192.0.2.2', 'alice')]).toEqual([0, 0, 0]);
    expect(attempt(throttle, '192.0.2.2', 'alice')).toBe(1);
  });

  it('forgets failures after four times the longest wait without one, not sooner', () => {
    const time = clock();
    const throttle = new SignInThrottle(limits, time.now);
    for (let i = 0; i < limits.failuresPerUser; i++) attempt(throttle, '192.0.2.1', 'alice');
    expect(throttle.size).toBe(2);
    time.advance(4 * limits.maxBackoffSeconds - 1);
    attempt(throttle, '192.0.2.3', 'bob', 'succeeded');
    expect(throttle.size).toBe(2);
    time.advance(1);
    attempt(throttle, '192.0.2.3', 'bob', 'succeeded');
    expect(throttle.size).toBe(0);
    expect([attempt(throttle, '192.0.2.1', 'alice'), attempt(throttle, '192.0.2.1', 'alice'), attempt(throttle, '192.0.2.1', 'alice')]).toEqual([0, 0, 0]);
  });
});
