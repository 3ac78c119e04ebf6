/** How many failed sign-ins are free, and how the wait grows after them (AUTH_SIGNIN_*). */
export interface SignInLimits {
  /** Failed sign-ins one client address may have (whatever the user names) before it must wait. */
  failuresPerIp: number;
  /** Failed sign-ins for one user name (from any address) before it must wait; a success starts it over. */
  failuresPerUser: number;
  /** The wait after the last free failure, doubled at each further one… */
  firstBackoffSeconds: number;
  /** …up to this. Failures are forgotten after four times this long without one. */
  maxBackoffSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { failuresPerIp: 10, failuresPerUser: 5, firstBackoffSeconds: 1, maxBackoffSeconds: 900 };

/** One sign-in under way: say how it ended, exactly once. */
export interface SignInAttempt {
  succeeded(): void;
  failed(): void;
  /** It ended without an answer (e.g. the database was down): neither a success nor a failure. */
  abandoned(): void;
}

export type SignInVerdict = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterSeconds: number };

interface Counter {
  failures: number;
  /** Attempts under way: counted as failures until they end, so a parallel burst cannot pass the limit. */
  pending: number;
  blockedUntil: number;
  lastFailure: number;
}

interface Key {
  name: string;
  free: number;
  /** A success clears the counter (the user's, not the address's: one good account must not unlock guessing others). */
  clearOnSuccess: boolean;
}

/** More keys than this and the oldest idle ones are forgotten, so a spray of user names cannot exhaust memory. */
const MAX_COUNTERS = 100_000;
const FORGET_AFTER_LONGEST_WAITS = 4;

/**
 * Limits password guessing before any scrypt is spent: per client address and per user name, a number of
 * free failures, then a wait that doubles with each further failure (429 + Retry-After). Attempts under way
 * count, so a burst of parallel guesses gets no further than the same guesses one by one. In memory, per
 * process: every instance of the API keeps its own counts.
 */
export class SignInThrottle {
  readonly #counters = new Map<string, Counter>();

  constructor(
    readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    for (const [name, value] of Object.entries(limits))
      if (!Number.isInteger(value) || value < 1) throw new Error(`sign-in limit ${name} must be a whole number ≥ 1`);
  }

  /** Reserves an attempt for `ip` and `username`, or says how many seconds to wait first. */
  begin(ip: string, username: string): SignInVerdict {
    const now = this.now();
    this.#forgetIdle(now);
    const keys: Key[] = [
      { name: `ip:${ip}`, free: this.limits.failuresPerIp, clearOnSuccess: false },
      { name: `user:${username}`, free: this.limits.failuresPerUser, clearOnSuccess: true },
    ];
    const wait = Math.max(0, ...keys.map((key) => this.#wait(key, now)));
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    const counters = keys.map((key) => ({ key, counter: this.#touch(key.name) }));
    for (const { counter } of counters) counter.pending++;
    let ended = false;
    const end = (outcome: 'succeeded' | 'failed' | 'abandoned'): void => {
      if (ended) return;
      ended = true;
      const at = this.now();
      for (const { key, counter } of counters) {
        counter.pending--;
        if (outcome === 'failed') {
          counter.failures++;
          counter.lastFailure = at;
          if (counter.failures >= key.free) counter.blockedUntil = at + this.#backoffMs(counter.failures, key.free);
        } else if (outcome === 'succeeded' && key.clearOnSuccess) {
          counter.failures = 0;
          counter.blockedUntil = 0;
        }
        if (counter.pending === 0 && counter.failures === 0) this.#counters.delete(key.name);
      }
    };
    return { allowed: true, attempt: { succeeded: () => end('succeeded'), failed: () => end('failed'), abandoned: () => end('abandoned') } };
  }

  /** Milliseconds to wait before `key` may try again; 0 = now. */
  #wait(key: Key, now: number): number {
    const counter = this.#counters.get(key.name);
    if (!counter) return 0;
    if (now < counter.blockedUntil) return counter.blockedUntil - now;
    const mayFail = counter.failures + counter.pending;
    // Within the free failures, or past them with the wait over and nothing under way: one more try.
    if (mayFail < key.free || (counter.failures >= key.free && counter.pending === 0)) return 0;
    // The attempts under way may use up what is left: the wait there would be if they all fail.
    return this.#backoffMs(mayFail, key.free);
  }

  /** The wait after `failures` failures of which `free` were free: first, then doubled each time, capped. */
  #backoffMs(failures: number, free: number): number {
    const doublings = Math.min(Math.max(failures - free, 0), 30);
    return Math.min(this.limits.firstBackoffSeconds * 2 ** doublings, this.limits.maxBackoffSeconds) * 1000;
  }

  /** The counter of `name`, moved to the end of the map (the map's order is least recently used first). */
  #touch(name: string): Counter {
    const counter = this.#counters.get(name) ?? { failures: 0, pending: 0, blockedUntil: 0, lastFailure: 0 };
    this.#counters.delete(name);
    this.#counters.set(name, counter);
    return counter;
  }

  #forgetIdle(now: number): void {
    // Longer than the longest wait, so that sitting it out does not start the count over.
    const idleMs = FORGET_AFTER_LONGEST_WAITS * this.limits.maxBackoffSeconds * 1000;
    for (const [name, counter] of this.#counters) {
      const idle = counter.pending === 0 && now >= counter.blockedUntil && now - counter.lastFailure >= idleMs;
      if (!idle && this.#counters.size <= MAX_COUNTERS) break;
      if (counter.pending === 0) this.#counters.delete(name);
    }
  }

  /** How many addresses and user names are being counted (for tests and metrics). */
  get size(): number {
    return this.#counters.size;
  }
}
