import type { PostgresEventStore, RecordedEvent } from '@ecab/event-store';

/** A stream folded up to `version` (0: no event yet). */
export interface FoldedStream<S> {
  version: number;
  state: S;
}

type Evolve<S> = (state: S, event: { type: string; data: object }) => S;

/** One stream to fold: its id, how its events change its state, and its state before any event. */
export interface FoldRequest<S> {
  streamId: string;
  evolve: Evolve<S>;
  initial: () => S;
}

/** Streams folded by default: a few megabytes of states, the streams a busy portfolio touches in a while. */
export const DEFAULT_FOLDED_STREAMS = 10_000;

/**
 * The states of the streams this process decided on lately, each with the version it was folded to, so
 * that a command reads only what was stored since (usually nothing) instead of the stream's whole history.
 *
 * Always right, with any number of api instances: every fold still asks the event store for the events
 * after the kept version, and a command still appends with the version it folded to, so a writer that
 * won meanwhile makes the append fail as before. States are never changed in place (the deciders' evolve
 * returns new objects), so one kept state can serve commands that run at the same time. The least
 * recently used streams are forgotten past `capacity`; 0 keeps none.
 */
export class FoldedStreams {
  private readonly kept = new Map<string, FoldedStream<unknown>>();

  constructor(
    private readonly eventStore: PostgresEventStore,
    readonly capacity: number = DEFAULT_FOLDED_STREAMS,
  ) {}

  /** The stream folded with `evolve` from `initial` up to its last stored version. */
  async fold<S>(streamId: string, evolve: Evolve<S>, initial: () => S): Promise<FoldedStream<S>> {
    const [folded] = await this.foldAll([{ streamId, evolve, initial } as FoldRequest<unknown>]);
    return folded as FoldedStream<S>;
  }

  /**
   * Several streams folded as `fold` does each, their new events read in one statement: a command's own
   * stream and its project's cost one round trip, not two.
   */
  async foldAll(streams: readonly FoldRequest<unknown>[]): Promise<FoldedStream<unknown>[]> {
    const from = streams.map(({ streamId, initial }) => this.kept.get(streamId) ?? { version: 0, state: initial() });
    const tails =
      streams.length === 1
        ? [await this.eventStore.readStream(streams[0]!.streamId, { fromVersion: from[0]!.version + 1 })]
        : await this.eventStore.readStreams(streams.map(({ streamId }, index) => ({ streamId, fromVersion: from[index]!.version + 1 })));
    return Promise.all(
      streams.map(async ({ streamId, evolve, initial }, index) => {
        const tail = tails[index]!;
        const start = from[index]!;
        // Versions follow each other in a stream; anything else (a store reset under a running process) folds afresh.
        const folded = tail.length === 0 || tail[0]!.streamVersion === start.version + 1 ? foldOnto(start, tail, evolve) : undefined;
        const result = folded ?? foldOnto({ version: 0, state: initial() }, await this.eventStore.readStream(streamId), evolve);
        this.keep(streamId, result);
        return result;
      }),
    );
  }

  /** The state kept for the stream (possibly behind the store), without reading anything; undefined when none is kept. */
  peek(streamId: string): FoldedStream<unknown> | undefined {
    return this.kept.get(streamId);
  }

  /** How many streams are kept (for tests and metrics). */
  get size(): number {
    return this.kept.size;
  }

  private keep(streamId: string, folded: FoldedStream<unknown>): void {
    if (this.capacity <= 0) return;
    const current = this.kept.get(streamId);
    // Two commands on one stream at once: the further fold stays.
    if (current && current.version > folded.version) return;
    this.kept.delete(streamId);
    this.kept.set(streamId, folded);
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
  }
}

function foldOnto<S>(from: FoldedStream<S>, tail: readonly RecordedEvent[], evolve: Evolve<S>): FoldedStream<S> {
  let { state, version } = from;
  for (const recorded of tail) {
    state = evolve(state, { type: recorded.type, data: recorded.data });
    version = recorded.streamVersion;
  }
  return { version, state };
}
