/**
 * Remembers, for a short while, which accounts were found enabled and unchanged at a token epoch, so a
 * stream of requests with one token reads its account once per `recheckMs` instead of once per request.
 * Only "current" is remembered: a refusal is read again every time. A change made through the same
 * process forgets the account at once (`forget`); a change made elsewhere (another instance, another
 * service on the same database) is seen at most `recheckMs` after it committed, because an entry is
 * trusted until `recheckMs` after its read *started*, which was before that commit.
 */
export class AccountChecks {
  readonly #current = new Map<string, { tokenEpoch: number; until: number }>();
  /** Counts `forget` calls: a read that started before one must not remember what it found. */
  #changes = 0;

  constructor(
    private readonly recheckMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly capacity = 10_000,
  ) {}

  /** True when `username` was found current at `tokenEpoch` less than `recheckMs` ago. */
  isCurrent(username: string, tokenEpoch: number): boolean {
    const entry = this.#current.get(username);
    if (!entry) return false;
    if (entry.tokenEpoch === tokenEpoch && this.now() < entry.until) return true;
    this.#current.delete(username);
    return false;
  }

  /** Marks the start of a read of the account: pass the result to `remember` once the read answered. */
  startRead(): { startedAt: number; changes: number } {
    return { startedAt: this.now(), changes: this.#changes };
  }

  /**
   * Whether a read already under way may answer a request arriving now, as if the request had read itself: no
   * change was made through this process since it began, and it began less than `recheckMs` ago (so what it
   * finds is trusted no longer than a read of the request's own would be, counted from a change elsewhere).
   */
  mayShare(read: { startedAt: number; changes: number }): boolean {
    return this.recheckMs > 0 && read.changes === this.#changes && this.now() < read.startedAt + this.recheckMs;
  }

  remember(username: string, tokenEpoch: number, read: { startedAt: number; changes: number }): void {
    if (this.recheckMs <= 0 || read.changes !== this.#changes) return;
    this.#current.delete(username);
    if (this.#current.size >= this.capacity) {
      const oldest = this.#current.keys().next();
      if (!oldest.done) this.#current.delete(oldest.value);
    }
    this.#current.set(username, { tokenEpoch, until: read.startedAt + this.recheckMs });
  }

  forget(username: string): void {
    this.#changes += 1;
    this.#current.delete(username);
  }
}
