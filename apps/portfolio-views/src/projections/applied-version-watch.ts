/** What a wait for a stream's version came to: reached, or the version applied when the time ran out. */
export interface VersionWaitOutcome {
  reached: boolean;
  /** The version the tables reflected when last seen (at least the one waited for when reached). */
  applied: number;
  /**
   * Reached by this instance's own apply (now or before the wait began), not found by a read: anything
   * this process starts reading after that apply's listeners ran reflects it (FreshnessInterceptor).
   */
  appliedHere?: true;
}

interface Waiter {
  readonly streamId: string;
  readonly version: number;
  /** A read covering this reader has ended: its time may run out (not before, even with no time at all). */
  checked: boolean;
  /** Its time ran out before any read covered it: it goes once one has. */
  expired: boolean;
  settle(outcome: VersionWaitOutcome | Error): void;
}

/** Reads the applied versions of these streams (a stream not yet seen may be left out: version 0). */
export type ReadVersions = (streamIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;
/** Tells the listener each stream version this instance applies; answers the way to stop. */
export type ListenToApplies = (listener: (streamId: string, version: number) => void) => () => void;

/** How often the awaited streams are read again while readers wait (for what other instances apply). */
export const DEFAULT_VERSION_POLL_MS = 100;

/** Streams whose last version applied by this instance is remembered (the most recently applied). */
export const APPLIED_HERE_KEPT = 100_000;

/**
 * The readers waiting until the tables reflect a stream's version (`?consistentWith=`). What this instance
 * applies wakes them at once; what another instance applies is found by reading the versions of every
 * awaited stream in one statement, at once for a new reader and then every `pollMs` while any waits.
 * One statement at a time whatever the number of readers: under load, when readers wait longest and are
 * most numerous, a statement each per tick would take the connections and the CPU the applies need and
 * make every reader wait longer still.
 */
export class AppliedVersionWatch {
  private readonly waiting = new Map<string, Set<Waiter>>();
  /** The last version read or applied per awaited stream (what a reader whose time runs out is told). */
  private readonly known = new Map<string, number>();
  /**
   * The last version this instance applied per stream, least recently applied first: a reader of a version
   * at or below it goes at once, without a read (a client reading back its own command, once applied).
   */
  private readonly appliedHere = new Map<string, number>();
  private reading = false;
  /** A reader came while a read was under way: read again as soon as it ends, not a tick later. */
  private readAgain = false;
  private tick: NodeJS.Timeout | undefined;
  private readonly stopListening: () => void;

  constructor(
    private readonly read: ReadVersions,
    listen: ListenToApplies,
    private readonly pollMs = DEFAULT_VERSION_POLL_MS,
  ) {
    this.stopListening = listen((streamId, version) => {
      this.appliedHere.delete(streamId);
      this.appliedHere.set(streamId, version);
      if (this.appliedHere.size > APPLIED_HERE_KEPT) this.appliedHere.delete(this.appliedHere.keys().next().value!);
      this.reached(streamId, version, true);
    });
  }

  /** Readers waiting now (for metrics and tests). */
  get waiters(): number {
    let count = 0;
    for (const set of this.waiting.values()) count += set.size;
    return count;
  }

  /** Resolves once the stream's version is applied, or with `reached: false` after `timeoutMs`; rejects if reading fails. */
  waitFor(streamId: string, version: number, timeoutMs: number): Promise<VersionWaitOutcome> {
    const here = this.appliedHere.get(streamId);
    if (here !== undefined && here >= version) return Promise.resolve({ reached: true, applied: here, appliedHere: true });
    return new Promise<VersionWaitOutcome>((resolve, reject) => {
      let set = this.waiting.get(streamId);
      if (!set) this.waiting.set(streamId, (set = new Set()));
      const waiters = set;
      let settled = false;
      const timer = setTimeout(
        () => {
          if (waiter.checked) waiter.settle({ reached: false, applied: this.known.get(streamId) ?? 0 });
          else waiter.expired = true;
        },
        Math.max(0, timeoutMs),
      );
      const waiter: Waiter = {
        streamId,
        version,
        checked: false,
        expired: false,
        settle: (outcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          waiters.delete(waiter);
          if (waiters.size === 0 && this.waiting.get(streamId) === waiters) {
            this.waiting.delete(streamId);
            this.known.delete(streamId);
          }
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      };
      waiters.add(waiter);
      this.readSoon();
    });
  }

  /** Stops listening and lets every reader still waiting go as not reached. */
  close(): void {
    this.stopListening();
    if (this.tick) clearTimeout(this.tick);
    this.tick = undefined;
    // Settling a reader deletes it (and an emptied set) while they are iterated: a Map and a Set allow it.
    for (const [streamId, set] of this.waiting) {
      for (const waiter of set) waiter.settle({ reached: false, applied: this.known.get(streamId) ?? 0 });
    }
  }

  private reached(streamId: string, version: number, here = false): void {
    const set = this.waiting.get(streamId);
    if (!set) return;
    if (version > (this.known.get(streamId) ?? 0)) this.known.set(streamId, version);
    const outcome: VersionWaitOutcome = here ? { reached: true, applied: version, appliedHere: true } : { reached: true, applied: version };
    for (const waiter of set) if (waiter.version <= version) waiter.settle(outcome);
  }

  /** A read now, or right after the one under way. */
  private readSoon(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    if (this.tick) clearTimeout(this.tick);
    this.tick = undefined;
    void this.readNow();
  }

  private async readNow(): Promise<void> {
    if (this.waiting.size === 0) return;
    this.reading = true;
    this.readAgain = false;
    const streamIds = [...this.waiting.keys()];
    const covered = [...this.waiting.values()].flatMap((set) => [...set]);
    try {
      const versions = await this.read(streamIds);
      for (const streamId of streamIds) this.reached(streamId, versions.get(streamId) ?? 0);
      for (const waiter of covered) {
        waiter.checked = true;
        if (waiter.expired) waiter.settle({ reached: false, applied: this.known.get(waiter.streamId) ?? 0 });
      }
    } catch (error) {
      // The readers of this read learn why (as a reader that read on its own would have); later ones read anew.
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const streamId of streamIds) for (const waiter of this.waiting.get(streamId) ?? []) waiter.settle(failure);
    } finally {
      this.reading = false;
    }
    if (this.waiting.size === 0) return;
    if (this.readAgain) {
      void this.readNow();
      return;
    }
    this.tick = setTimeout(() => {
      this.tick = undefined;
      void this.readNow();
    }, this.pollMs);
  }
}
