import { Agent, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { percentile, spread, type Spread } from './stats.js';

/** One line of the results table: the platform's figure beside the raw baseline measured in the same run. */
export interface ResultRow {
  scenario: string;
  /** What the figures are: `events/s`, `ms`, `MB`. */
  unit: string;
  /** Higher is better (throughput) or lower (latency, memory): decides how the ratio reads. */
  better: 'higher' | 'lower';
  ecab: Spread | undefined;
  /** Free text after the ECAB figure, e.g. "p50 3.1 ms". */
  ecabNote?: string;
  baseline?: { name: string; value: Spread | undefined; note?: string };
  target?: string;
  /** Why a figure is missing, or what it covers. */
  note?: string;
}

export const now = (): number => performance.now();

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB; undefined if it is gone. */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** p50 / p99 of latencies (ms). */
export function latencies(values: readonly number[]): { p50: number | undefined; p99: number | undefined; count: number } {
  return { p50: percentile(values, 50), p99: percentile(values, 99), count: values.length };
}

export function spreadOf(values: readonly (number | undefined)[]): Spread | undefined {
  return spread(values.filter((v): v is number => v !== undefined && Number.isFinite(v)));
}

/**
 * Open-loop load: calls `task(i)` at `perSecond` for `seconds`, never waiting for earlier calls (so a slow
 * answer does not lower the offered load), then waits for all. Returns each call's outcome.
 */
export async function offeredLoad<T>(perSecond: number, seconds: number, task: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const total = Math.round(perSecond * seconds);
  const interval = 1000 / perSecond;
  const started = now();
  const calls: Promise<T>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(task(i));
  }
  return Promise.allSettled(calls);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` every `intervalMs` until it returns true; false if `timeoutMs` passed first. */
export async function until(probe: () => Promise<boolean>, { timeoutMs, intervalMs = 200 }: { timeoutMs: number; intervalMs?: number }): Promise<boolean> {
  const deadline = now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return true;
    } catch {
      // not there yet
    }
    if (now() > deadline) return false;
    await sleep(intervalMs);
  }
}

/**
 * HTTP through a bounded pool of keep-alive connections (as a gateway or a portal's backend would hold),
 * so an offered load above what the server takes queues in the client and shows as latency, instead of
 * thousands of sockets. Time is measured by the caller from when the request was due.
 */
export function httpClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    request(
      url: string,
      options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
    ): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        });
        // A wall-clock bound from now, so time waiting for a free connection counts (req.setTimeout would
        // only start once a socket is assigned, letting a queued request run past its deadline).
        const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), Math.max(1, Math.ceil(options.timeoutMs)));
        req.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        req.end(options.body);
      });
    },
    close: () => agent.destroy(),
  };
}
