/**
 * The load generator of the `http` scenario (issue 14): the same open-loop offered loads and closed-loop
 * clients for the platform and for the ceiling server, and the figures it reports. The pure parts
 * (IdlePool, summarise) are tested in http-load.unit.spec.ts; nothing here is asserted on time.
 */
import { now, offeredLoad } from './measure.js';
import { percentile } from './stats.js';

/**
 * Hands out items (agreements) so that none is in use twice at once: `acquire` takes the item idle longest
 * (so the items are used in turn) or waits, first come first served, until one is released. The load
 * generator never sends two commands on one agreement at the same time, so no command meets a version
 * conflict; what waits for a free agreement counts as latency (it is timed from when it was due).
 */
export class IdlePool<T> {
  private readonly idle: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    if (items.length === 0) throw new RangeError('an IdlePool needs at least one item');
    this.idle = [...items];
  }

  /** The next idle item; waits for one at most `timeoutMs` (then rejects with a TimeoutError, and takes none). */
  acquire(timeoutMs = Number.POSITIVE_INFINITY): Promise<T> {
    const item = this.idle.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve, reject) => {
      const waiter = (given: T) => {
        clearTimeout(timer);
        resolve(given);
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(
            () => {
              this.waiting.splice(this.waiting.indexOf(waiter), 1);
              reject(Object.assign(new Error(`no idle item within ${Math.round(timeoutMs)} ms`), { name: 'TimeoutError' }));
            },
            Math.max(0, timeoutMs),
          )
        : undefined;
      this.waiting.push(waiter);
    });
  }

  /** Items idle now (for the tests). */
  get idleCount(): number {
    return this.idle.length;
  }

  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next(item);
    else this.idle.push(item);
  }

  async with<R>(work: (item: T) => Promise<R>): Promise<R> {
    const item = await this.acquire();
    try {
      return await work(item);
    } finally {
      this.release(item);
    }
  }
}

/** A command that did not get its answer (or was not visible): `what` names it in the failures. */
export class LoadFailure extends Error {
  constructor(
    readonly what: string,
    readonly detail = '',
  ) {
    super(what);
  }
}

/** When one command was answered and (if asked) became visible, as `now()` instants. */
export interface Exchange {
  answeredAt: number;
  visibleAt?: number;
  /** Answered, but never visible: why (counted among the failures). */
  notVisible?: LoadFailure;
}

/** One command from `due` (when it was due, so queueing in the client counts): resolves or throws. */
export type Send = (i: number, due: number) => Promise<Exchange>;

/** What one run measured, as raw samples. */
export interface LoadSamples {
  /** Commands sent (open loop: offered × seconds; closed loop: as many as the clients got through). */
  sent: number;
  /** From the first command due to the last answer, ms. */
  elapsedMs: number;
  commandMs: number[];
  visibleMs: number[];
  failures: Record<string, number>;
  /** The first detail of each kind of failure (an answer's body), for the log. */
  firstFailure: Record<string, string>;
}

export interface LoadFigure {
  sent: number;
  answered: number;
  /** Answered commands ÷ the seconds from the first due to the last answer. */
  commandsPerSecond: number;
  /** Percentiles of the HTTP answer, ms; a command without an answer counts as infinitely late. */
  p50: number | undefined;
  p99: number | undefined;
  /** Percentiles of command → visible (when asked), ms; a command never visible counts as infinitely late. */
  visible?: { p50: number | undefined; p99: number | undefined; count: number };
  failures: Record<string, number>;
}

/** Samples padded with +∞ for every sent command that has none (failed, or not answered in time). */
function withMisses(values: readonly number[], sent: number): number[] {
  return [...values, ...Array.from({ length: Math.max(0, sent - values.length) }, () => Number.POSITIVE_INFINITY)];
}

/** The figures of a run: achieved commands/s and the percentiles, failures counted as infinitely late. */
export function summarise(samples: LoadSamples, withVisible: boolean): LoadFigure {
  const command = withMisses(samples.commandMs, samples.sent);
  const visible = withMisses(samples.visibleMs, samples.sent);
  return {
    sent: samples.sent,
    answered: samples.commandMs.length,
    commandsPerSecond: samples.elapsedMs > 0 ? samples.commandMs.length / (samples.elapsedMs / 1000) : 0,
    p50: percentile(command, 50),
    p99: percentile(command, 99),
    ...(withVisible ? { visible: { p50: percentile(visible, 50), p99: percentile(visible, 99), count: samples.visibleMs.length } } : {}),
    failures: { ...samples.failures },
  };
}

function recorder() {
  const samples: LoadSamples = { sent: 0, elapsedMs: 0, commandMs: [], visibleMs: [], failures: {}, firstFailure: {} };
  const started = now();
  let last = started;
  const fail = (error: unknown): void => {
    const what =
      error instanceof LoadFailure
        ? error.what
        : error instanceof Error && error.name === 'TimeoutError'
          ? 'no answer within the deadline'
          : `error ${error instanceof Error ? ((error as { code?: string }).code ?? error.name) : typeof error}`;
    samples.failures[what] = (samples.failures[what] ?? 0) + 1;
    samples.firstFailure[what] ??= error instanceof LoadFailure ? error.detail.slice(0, 300) : String(error);
  };
  const run = async (send: Send, i: number): Promise<void> => {
    const due = now();
    samples.sent += 1;
    try {
      const exchange = await send(i, due);
      samples.commandMs.push(exchange.answeredAt - due);
      last = Math.max(last, exchange.answeredAt);
      if (exchange.visibleAt !== undefined) samples.visibleMs.push(exchange.visibleAt - due);
      if (exchange.notVisible) fail(exchange.notVisible);
    } catch (error) {
      fail(error);
    }
  };
  const finish = (): LoadSamples => {
    samples.elapsedMs = last - started;
    return samples;
  };
  return { run, finish };
}

/** Open loop: `perSecond` commands a second for `seconds`, each sent when due whatever the earlier ones do. */
export async function openLoop(perSecond: number, seconds: number, send: Send): Promise<LoadSamples> {
  const rec = recorder();
  await offeredLoad(perSecond, seconds, (i) => rec.run(send, i));
  return rec.finish();
}

/** Closed loop: `clients` clients, each sending its next command when the previous one was answered, for `seconds`. */
export async function closedLoop(clients: number, seconds: number, send: Send): Promise<LoadSamples> {
  const rec = recorder();
  const end = now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (now() < end) await rec.run(send, next++);
    }),
  );
  return rec.finish();
}
