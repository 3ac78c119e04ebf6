/** Svix's schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts). */
export const SVIX_SCHEDULE = '0,5s,5m,30m,2h,5h,10h,10h';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a schedule such as `0,5s,5m` (WEBHOOK_RETRY_SCHEDULE): the delay before each attempt, the first
 * normally 0. Tests compress it (`0,50ms,100ms`).
 */
export function parseRetrySchedule(text: string): number[] {
  const delays = text.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)(ms|s|m|h)?\s*$/.exec(part);
    if (!match) throw new Error(`WEBHOOK_RETRY_SCHEDULE: "${part}" is not a delay such as 0, 500ms, 5s, 5m or 2h`);
    return Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!;
  });
  if (delays.length === 0) throw new Error('WEBHOOK_RETRY_SCHEDULE lists no attempt');
  return delays;
}

/** Seconds (or an HTTP date) of a Retry-After header, as milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
