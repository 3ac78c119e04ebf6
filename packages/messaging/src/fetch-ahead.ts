/** A run of one partition's fetched messages applied in one call, and what applying it takes. */
export interface FetchedSlice {
  topic: string;
  partition: number;
  /** Offsets of its first and last message. */
  firstOffset: string;
  lastOffset: string;
  /** Applies the slice; `wanted` is asked when it is its turn, and if it answers false nothing is applied. */
  apply(wanted: () => boolean): Promise<void>;
}

export interface FetchAheadPorts {
  /** Commits the partition's offset (the next one to read) to the consumer group. */
  commit(offset: { topic: string; partition: number; offset: string }): Promise<void>;
  /** Makes the consumer read the partition from this offset again; may throw while the consumer is not running. */
  seek(offset: { topic: string; partition: number; offset: string }): void;
  onFailure(error: unknown): void;
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * Lets a consumer fetch the next batches while the ones before are applied: the batches of one fetch are
 * handed over together (in one turn of the event loop) and the fetch's handler waits only until the batches
 * of the turns before are applied, so one fetch is read and decoded while the previous one is applied, and
 * no more than one is held waiting.
 *
 * The consumer's position moves on as batches are handed over, but an offset is committed only after its
 * slice was applied, in the order the slices were handed over. If a slice cannot be applied (the database
 * is away; a poison message is parked, not failed), every slice handed over after it is withdrawn, nothing
 * more is committed for them, and each partition with uncommitted slices is read again from its first one:
 * nothing is skipped, and what is applied twice is skipped by stream version.
 */
export class FetchAhead {
  /** Bumped when what was handed over is given up (a failure, a rejoined group): older slices apply and commit nothing. */
  private epoch = 0;
  /** Per partition, the first offsets of the slices handed over and not yet committed, oldest first. */
  private readonly uncommitted = new Map<string, { topic: string; partition: number; firstOffsets: string[] }>();
  private failure: { error: unknown } | undefined;
  /** Everything handed over before the current turn, settled. */
  private handedBefore: Promise<void> = Promise.resolve();
  private turn: { before: Promise<void>; outcomes: Promise<void>[] } | undefined;

  constructor(private readonly ports: FetchAheadPorts) {}

  /**
   * Hands the slices over to be applied and committed in order; answers once everything handed over in
   * earlier turns has been applied and committed (or withdrawn).
   */
  handOver(slices: readonly FetchedSlice[]): Promise<void> {
    if (this.turn === undefined) {
      const turn = { before: this.handedBefore, outcomes: [] as Promise<void>[] };
      this.turn = turn;
      setImmediate(() => {
        this.turn = undefined;
        this.handedBefore = Promise.all([turn.before, ...turn.outcomes]).then(() => undefined);
      });
    }
    for (const slice of slices) this.turn.outcomes.push(this.applyThenCommit(slice));
    return this.turn.before;
  }

  /** The failure of an apply or commit since this was last asked (thrown once, so the consumer backs off). */
  takeFailure(): { error: unknown } | undefined {
    const failure = this.failure;
    this.failure = undefined;
    return failure;
  }

  /**
   * The consumer group was joined again: the consumer reads from the committed offsets, so the slices still
   * handed over are given up (one being applied finishes, but commits nothing on the new owner's behalf).
   */
  restart(): void {
    this.epoch += 1;
    this.uncommitted.clear();
    this.failure = undefined;
  }

  /** Settles once everything handed over so far has been applied and committed, or withdrawn. */
  async settled(): Promise<void> {
    await Promise.all([this.handedBefore, ...(this.turn?.outcomes ?? [])]);
  }

  private async applyThenCommit(slice: FetchedSlice): Promise<void> {
    const epoch = this.epoch;
    const current = () => epoch === this.epoch;
    const partitionKey = key(slice.topic, slice.partition);
    const partition = this.uncommitted.get(partitionKey) ?? { topic: slice.topic, partition: slice.partition, firstOffsets: [] };
    this.uncommitted.set(partitionKey, partition);
    partition.firstOffsets.push(slice.firstOffset);
    try {
      await slice.apply(current);
      if (!current()) return;
      await this.ports.commit({ topic: slice.topic, partition: slice.partition, offset: (BigInt(slice.lastOffset) + 1n).toString() });
      if (current()) partition.firstOffsets.shift();
    } catch (error) {
      if (current()) this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.epoch += 1;
    for (const { topic, partition, firstOffsets } of this.uncommitted.values()) {
      const offset = firstOffsets[0];
      if (offset === undefined) continue;
      try {
        this.ports.seek({ topic, partition, offset });
      } catch {
        // The consumer is not running (kafkajs is restarting it after a failure of its own, or it stopped): there is no
        // position to move. It joins the group again and reads from the committed offsets, which are not past this slice.
      }
    }
    this.uncommitted.clear();
    this.failure = { error };
    this.ports.onFailure(error);
  }
}
