import type { PostgresEventStore, RecordedEvent } from '@ecab/event-store';

/** A stream folded up to `version` (0: no event yet). */
export interface FoldedStream<S> {
  version: number;
  state: S;
}

type Evolve<S> = (state: S, event: { type: string; data: object }) => S;

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
    const kept = this.kept.get(streamId) as FoldedStream<S> | undefined;
    const from = kept ?? { version: 0, state: initial() };
    const tail = await this.eventStore.readStream(streamId, { fromVersion: from.version + 1 });
    // Versions follow each other in a stream; anything else (a store reset under a running process) folds afresh.
    const folded = tail.length === 0 || tail[0]!.streamVersion === from.version + 1 ? foldOnto(from, tail, evolve) : undefined;
    const result = folded ?? foldOnto({ version: 0, state: initial() }, await this.eventStore.readStream(streamId), evolve);
    this.keep(streamId, result);
    return result;
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
