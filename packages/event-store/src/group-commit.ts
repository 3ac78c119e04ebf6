import { envWholeNumber } from '@ecab/config';

/** How appends are gathered into groups, each committed as one transaction. */
export interface GroupCommitOptions {
  /** Most appends in one group (default 64). */
  maxAppends?: number;
  /** Most events in one group (default 1,000); an append with more than this goes alone. */
  maxEvents?: number;
  /**
   * Groups committing at the same time, each on a connection of its own (default 2): while they commit,
   * the next group forms from the appends that arrive meanwhile.
   */
  concurrentGroups?: number;
  /**
   * How long a group that is not full may wait for more appends once a slot is free (default 0: it goes
   * at once, so an append on a quiet store waits for nothing).
   */
  maxWaitMs?: number;
}

export const DEFAULT_GROUP_COMMIT: Readonly<Required<GroupCommitOptions>> = Object.freeze({
  maxAppends: 64,
  maxEvents: 1_000,
  concurrentGroups: 2,
  maxWaitMs: 0,
});

interface Queued<T, R> {
  item: T;
  key: string;
  size: number;
  queuedAt: number;
  resolve(result: R): void;
  reject(reason: unknown): void;
}

/**
 * Gathers submitted items into groups and hands each group to `commit`, which settles every item on its
 * own. Items with the same key (the same stream) are never in one group nor in two groups at once: an
 * item waits while an earlier one of its key is queued or committing, so a key's items commit in the
 * order they were submitted, each after the one before has finished.
 */
export class GroupCommitter<T, R> {
  private readonly options: Required<GroupCommitOptions>;
  private queue: Queued<T, R>[] = [];
  private readonly committingKeys = new Set<string>();
  private committing = 0;
  private pumpScheduled = false;
  private waitTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly commit: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly describe: (item: T) => { key: string; size: number },
    options: GroupCommitOptions = {},
  ) {
    this.options = { ...DEFAULT_GROUP_COMMIT, ...withoutUndefined(options) };
    for (const name of ['maxAppends', 'maxEvents', 'concurrentGroups'] as const) {
      if (!Number.isInteger(this.options[name]) || this.options[name] < 1)
        throw new RangeError(`${name} must be a positive integer, got ${this.options[name]}`);
    }
    if (!(this.options.maxWaitMs >= 0)) throw new RangeError(`maxWaitMs must be 0 or more, got ${this.options.maxWaitMs}`);
  }

  submit(item: T): Promise<R> {
    const { key, size } = this.describe(item);
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, key, size, queuedAt: performance.now(), resolve, reject });
      this.schedulePump();
    });
  }

  /** After the current turn: appends submitted together (or released by the group that just finished) join one group. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    while (this.committing < this.options.concurrentGroups && this.queue.length > 0) {
      const { chosen, full } = this.nextGroup();
      if (chosen.length === 0) return; // everything queued waits behind its stream's group; its end pumps again
      const waited = performance.now() - this.queue[chosen[0]!]!.queuedAt;
      if (!full && waited < this.options.maxWaitMs) {
        this.waitTimer = setTimeout(() => this.pump(), this.options.maxWaitMs - waited);
        return;
      }
      const taken = new Set(chosen);
      const group = chosen.map((index) => this.queue[index]!);
      this.queue = this.queue.filter((_, index) => !taken.has(index));
      this.start(group);
    }
  }

  /** Indexes of the next group in queue order, and whether it is full (more would not fit). */
  private nextGroup(): { chosen: number[]; full: boolean } {
    const { maxAppends, maxEvents } = this.options;
    const chosen: number[] = [];
    const keys = new Set<string>();
    const waiting = new Set<string>();
    let events = 0;
    for (const [index, queued] of this.queue.entries()) {
      if (this.committingKeys.has(queued.key) || keys.has(queued.key) || waiting.has(queued.key)) {
        waiting.add(queued.key); // its later items must not overtake it
        continue;
      }
      if (chosen.length > 0 && events + queued.size > maxEvents) return { chosen, full: true };
      chosen.push(index);
      keys.add(queued.key);
      events += queued.size;
      if (chosen.length >= maxAppends || events >= maxEvents) return { chosen, full: true };
    }
    return { chosen, full: false };
  }

  private start(group: Queued<T, R>[]): void {
    this.committing += 1;
    for (const queued of group) this.committingKeys.add(queued.key);
    const finished = () => {
      for (const queued of group) this.committingKeys.delete(queued.key);
      this.committing -= 1;
      this.schedulePump();
    };
    this.commit(group.map((queued) => queued.item)).then(
      (results) => {
        finished();
        group.forEach((queued, index) => {
          const result = results[index];
          if (result?.status === 'fulfilled') queued.resolve(result.value);
          else queued.reject(result ? result.reason : new Error('the group commit answered no result for this append'));
        });
      },
      (error: unknown) => {
        finished();
        for (const queued of group) queued.reject(error);
      },
    );
  }
}

function withoutUndefined<O extends object>(options: O): Partial<O> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<O>;
}

/**
 * EVENT_STORE_GROUP_COMMIT (`on`, or `off`: each append a transaction of its own), and
 * EVENT_STORE_GROUP_MAX_APPENDS, EVENT_STORE_GROUP_MAX_EVENTS, EVENT_STORE_GROUP_CONCURRENCY,
 * EVENT_STORE_GROUP_MAX_WAIT_MS; unset ones keep DEFAULT_GROUP_COMMIT.
 */
export function groupCommitFromEnv(env: NodeJS.ProcessEnv = process.env): GroupCommitOptions | false {
  const enabled = (env.EVENT_STORE_GROUP_COMMIT ?? 'on').trim().toLowerCase();
  if (enabled === 'off') return false;
  if (enabled !== 'on') throw new Error(`EVENT_STORE_GROUP_COMMIT must be on or off, got "${env.EVENT_STORE_GROUP_COMMIT}"`);
  const number = (name: string, minimum: number): number | undefined =>
    env[name] === undefined || env[name]!.trim() === '' ? undefined : envWholeNumber(env, name, minimum, { min: minimum });
  return withoutUndefined({
    maxAppends: number('EVENT_STORE_GROUP_MAX_APPENDS', 1),
    maxEvents: number('EVENT_STORE_GROUP_MAX_EVENTS', 1),
    concurrentGroups: number('EVENT_STORE_GROUP_CONCURRENCY', 1),
    maxWaitMs: number('EVENT_STORE_GROUP_MAX_WAIT_MS', 0),
  });
}
