import type { Freshness } from './freshness.js';

/** A freshness read: the figures, and whether the store's head was past the position (the lag then grows). */
export type FreshnessReading = Freshness & { behind: boolean };

interface Snapshot {
  reading: Promise<FreshnessReading>;
  /** When its read began (the cache's clock): its position is at most what any read after that sees. */
  startedAt: number;
  /** The `invalidations` count when it began. */
  epoch: number;
  settled: boolean;
}

/** The default of FRESHNESS_MAX_AGE_MS. */
export const DEFAULT_FRESHNESS_MAX_AGE_MS = 50;

/**
 * The freshness figures of recent reads, shared by the requests that follow, so a read answers with one
 * round trip (its query) instead of two. A reading is used only once it has answered, before the request's
 * query is sent: positions applied only grow (a rebuild switches to a generation caught up with the store),
 * so the query reflects at least the position it names. Lag: when the reading saw the store ahead of its
 * position, the lag is the one it read plus the time since that read began (never below the true lag of
 * that position); when it saw none, an event stored since can go unreported for at most `maxAgeMs`.
 *
 * A reading is used for `maxAgeMs` from the start of its read, and replaced sooner when this process
 * applies events (`invalidate`) or when the caller needs one begun after its call (`readNow`: after a
 * `consistentWith` wait, so the position covers the version waited for). Past half its age a new read
 * starts in the background, so steady traffic seldom waits for one. Concurrent requests share a read; a
 * failed read is not kept.
 */
export class FreshnessCache {
  #latest: Snapshot | undefined;
  #next: Snapshot | undefined;
  #invalidations = 0;

  constructor(
    private readonly read: () => Promise<FreshnessReading>,
    private readonly maxAgeMs: number = DEFAULT_FRESHNESS_MAX_AGE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something was applied: readings begun before now may not show it. */
  invalidate(): void {
    this.#invalidations += 1;
  }

  /** The figures to answer with; `readNow`: from a reading begun no earlier than this call. */
  async freshness({ readNow = false }: { readNow?: boolean } = {}): Promise<Freshness> {
    const now = this.now();
    const oldest = readNow ? now : now - this.maxAgeMs;
    const usable = (s: Snapshot | undefined): s is Snapshot => s !== undefined && s.epoch === this.#invalidations && s.startedAt >= oldest;
    let snapshot: Snapshot;
    if (usable(this.#latest) && this.#latest.settled) {
      snapshot = this.#latest;
      if (now - snapshot.startedAt >= this.maxAgeMs / 2 && !usable(this.#next)) this.#start();
    } else {
      snapshot = usable(this.#next) ? this.#next : this.#start();
    }
    const reading = await snapshot.reading;
    return { position: reading.position, lagMs: reading.behind ? reading.lagMs + Math.max(0, Math.floor(this.now() - snapshot.startedAt)) : 0 };
  }

  #start(): Snapshot {
    const startedAt = this.now();
    const snapshot: Snapshot = { reading: this.read(), startedAt, epoch: this.#invalidations, settled: false };
    this.#next = snapshot;
    snapshot.reading.then(
      () => {
        snapshot.settled = true;
        if (this.#next === snapshot) this.#next = undefined;
        if (!this.#latest || this.#latest.startedAt <= snapshot.startedAt) this.#latest = snapshot;
      },
      () => {
        if (this.#next === snapshot) this.#next = undefined;
      },
    );
    return snapshot;
  }
}
