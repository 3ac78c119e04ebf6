import { WrongExpectedVersionError, type RecordedEvent } from '@ecab/event-store';

/** One event stored after the version a client acted on: what happened, when, and who recorded it. */
export interface ChangeMeanwhile {
  version: number;
  type: string;
  recordedAt: string;
  by: string | null;
}

/**
 * A 409 that says what changed: the events stored on the stream after the version the client saw
 * (If-Match, or the version read before a concurrent writer got in first), so a form can show them.
 */
export class ChangedMeanwhileError extends WrongExpectedVersionError {
  constructor(
    streamId: string,
    expectedVersion: number,
    actualVersion: number,
    readonly changes: readonly ChangeMeanwhile[],
  ) {
    super(streamId, expectedVersion, actualVersion);
  }
}

/** The conflict explained from the stream as it is now (its events after the expected version). */
export function changedMeanwhile(error: WrongExpectedVersionError, history: readonly RecordedEvent[]): ChangedMeanwhileError {
  const after = history.filter((event) => event.streamVersion > error.expectedVersion);
  const changes = after.map((event) => ({
    version: event.streamVersion,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    by: event.metadata.actor ?? null,
  }));
  return new ChangedMeanwhileError(error.streamId, error.expectedVersion, Math.max(error.actualVersion, history.at(-1)?.streamVersion ?? 0), changes);
}

/** "FundsReceived (v5, by pm-transport)…": the detail line a person reads. */
export function describeChanges(changes: readonly ChangeMeanwhile[]): string {
  return changes.map((change) => `${change.type} (v${change.version}${change.by ? `, by ${change.by}` : ''})`).join(', ');
}
