/**
 * Calls made while one is being worked on are gathered and worked on together, as one call with all their
 * items in the order they came: group commit for a consumer. Kafka hands a consumer the batches of several
 * partitions at once; under live load each holds one or two events, and a transaction apiece would spend
 * nearly all its time on the statements and the commit every batch repeats. Each caller is answered when
 * its group is: with the group's outcome, failure included (the worker decides what a failure means for
 * which item, as `SequencedParking` does).
 */
export class GatheredCalls<T> {
  private waiting: { items: readonly T[]; wanted?: () => boolean; resolve(): void; reject(error: unknown): void }[] = [];
  private working = false;

  /**
   * `maxItems`: a group takes further calls only while it holds fewer items (a call is never split, so a
   * group may hold more); `work` runs for one group at a time.
   */
  constructor(
    private readonly work: (items: T[]) => Promise<void>,
    private readonly maxItems: number,
  ) {}

  /**
   * `wanted`: asked when the call's group is taken; a call no longer wanted is answered at once, its items
   * left out (a consumer that fetched ahead withdraws what it fetched after a failed group).
   */
  run(items: readonly T[], wanted?: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject, ...(wanted ? { wanted } : {}) });
      if (this.working) return;
      this.working = true;
      // Not at once: the calls Kafka's other partitions make in the same turn join the first group too.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.take().filter((call) => {
        if (call.wanted === undefined || call.wanted()) return true;
        call.resolve();
        return false;
      });
      if (group.length === 0) continue;
      try {
        await this.work(group.flatMap((call) => [...call.items]));
        for (const call of group) call.resolve();
      } catch (error) {
        for (const call of group) call.reject(error);
        // The callers hear of the failure (their promise handlers run) before the next group is taken, so one
        // whose later calls depend on it withdraws them first.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.working = false;
  }

  private take(): typeof this.waiting {
    let count = 0;
    let taken = 0;
    while (taken < this.waiting.length && (taken === 0 || count < this.maxItems)) {
      count += this.waiting[taken]!.items.length;
      taken += 1;
    }
    return this.waiting.splice(0, taken);
  }
}
