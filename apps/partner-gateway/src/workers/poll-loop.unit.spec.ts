import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import { IntegrationLog } from '../integration/integration-log.js';
import { PollLoop } from './poll-loop.js';

/** A log whose appends store nothing: a type without a contract maps to no integration event. */
function logWithoutDatabase(): IntegrationLog {
  const manager = { query: async () => [] };
  const dataSource = { transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
  return new IntegrationLog(dataSource);
}
const UNKNOWN_EVENT = { type: 'NoSuchEventType', subject: 'ECAB-TR-01', data: {} } as unknown as PortfolioEvent;
const quiet = { error: () => undefined };
/** Whether `promise` settled within `ms`: a bound for what should happen at once, so a failure fails rather than hangs. */
async function settlesWithin(promise: Promise<unknown>, ms = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('waiting for the integration log', () => {
  it('does not wait when a batch was appended after the mark the reader took', async () => {
    const log = logWithoutDatabase();
    const mark = log.appendMark;
    await log.append([UNKNOWN_EVENT]);
    expect(log.appendMark).toBe(mark + 1);
    // With an hour to wait, only the mark can end this at once.
    const stop = new AbortController();
    expect(await settlesWithin(log.waitForAppend(3_600_000, stop.signal, mark))).toBe(true);
    stop.abort();
  });

  it('wakes a wait when a batch is appended, and on abort', async () => {
    const log = logWithoutDatabase();
    const cleanUp = new AbortController();
    const woken = log.waitForAppend(3_600_000, cleanUp.signal, log.appendMark);
    await log.append([UNKNOWN_EVENT]);
    expect(await settlesWithin(woken)).toBe(true);
    const stop = new AbortController();
    const aborted = log.waitForAppend(3_600_000, stop.signal);
    stop.abort();
    expect(await settlesWithin(aborted)).toBe(true);
    cleanUp.abort();
  });
});

describe('PollLoop', () => {
  it('runs the next round at once when work arrived while a round ran, though that round found none', async () => {
    const log = logWithoutDatabase();
    let rounds = 0;
    let second!: () => void;
    const reachedSecond = new Promise<void>((resolve) => (second = resolve));
    const loop = new PollLoop({
      round: async () => {
        rounds += 1;
        // The append lands after the round read the log: the round reports nothing more to do.
        if (rounds === 1) await log.append([UNKNOWN_EVENT]);
        if (rounds === 2) second();
        return false;
      },
      mark: () => log.appendMark,
      waitForWork: (mark, ms, signal) => log.waitForAppend(ms, signal, mark),
      pollMs: 3_600_000,
      failure: 'round failed',
      logger: quiet,
    });
    loop.start();
    const reached = await settlesWithin(reachedSecond);
    await loop.stop();
    expect(reached).toBe(true);
    expect(rounds).toBe(2);
  });

  it('goes on after a failed round, logging it', async () => {
    const errors: string[] = [];
    let rounds = 0;
    let again!: () => void;
    const retried = new Promise<void>((resolve) => (again = resolve));
    const loop = new PollLoop({
      round: async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('database away');
        again();
        return false;
      },
      mark: () => 0,
      waitForWork: (_mark, _ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
      pollMs: 1,
      failure: 'round failed',
      logger: { error: (_fields, message) => errors.push(message) },
    });
    loop.start();
    expect(await settlesWithin(retried)).toBe(true);
    await loop.stop();
    expect(errors).toEqual(['round failed']);
    expect(rounds).toBe(2);
  });
});
