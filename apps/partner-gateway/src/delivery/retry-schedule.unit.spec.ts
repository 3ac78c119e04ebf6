import { parseRetrySchedule, retryAfterMs, SVIX_SCHEDULE } from './retry-schedule.js';
import { deliveryResult } from './webhook-dispatcher.js';

describe('the retry schedule', () => {
  it("reads Svix's schedule and compressed ones", () => {
    expect(parseRetrySchedule(SVIX_SCHEDULE)).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(parseRetrySchedule('0,50ms,0.1s')).toEqual([0, 50, 100]);
    expect(() => parseRetrySchedule('0,soon')).toThrow(/soon/);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(10_000 + 3_000).toUTCString(), 10_000)).toBe(3000);
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  const schedule = [0, 100, 200];
  const now = 1_000_000;
  it('2xx delivers; other answers wait for the next step; the last failure fails the message', () => {
    expect(deliveryResult({ status: 204, durationMs: 1 }, 0, schedule, now)).toEqual({ status: 'delivered' });
    expect(deliveryResult({ status: 500, durationMs: 1 }, 0, schedule, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now + 100),
      countsAsAttempt: true,
    });
    expect(deliveryResult({ status: 302, durationMs: 1 }, 1, schedule, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now + 200),
      countsAsAttempt: true,
    });
    expect(deliveryResult({ error: 'timeout', durationMs: 1 }, 2, schedule, now)).toEqual({ status: 'failed' });
  });

  it('429 and 503 wait at least Retry-After', () => {
    expect(deliveryResult({ status: 429, retryAfter: '3', durationMs: 1 }, 0, schedule, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now + 3000),
      countsAsAttempt: true,
    });
    expect(deliveryResult({ status: 503, retryAfter: '0', durationMs: 1 }, 0, schedule, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now + 100),
      countsAsAttempt: true,
    });
  });
});
