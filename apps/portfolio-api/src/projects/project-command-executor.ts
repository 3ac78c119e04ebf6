import {
  PROJECT_EVENT_SCHEMA_VERSION,
  projectDecider,
  projectStreamId,
  type ProjectCommand,
  type ProjectEvent,
  type ProjectState,
} from '@ecab/domain';
import { assertMayCommand } from '@ecab/auth';
import { DuplicateIdempotencyKeyError, WrongExpectedVersionError, type PostgresEventStore, type RecordedEvent } from '@ecab/event-store';
import { ProblemError } from '@ecab/platform';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import type { CommandContext } from './command-metadata.js';
import { todayInAlmaty } from './today.js';

export interface CommandOutcome {
  projectId: string;
  /** The stream version after the command; the ETag of the project. */
  version: number;
  events: ProjectEvent[];
  /** True when an Idempotency-Key matched an earlier command: this is its answer, nothing new was stored. */
  replayed: boolean;
}

/**
 * The one way a project command runs: load the stream, fold it, decide, append with the
 * expected version. A concurrent writer makes the append fail and nothing is stored.
 */
@Injectable()
export class ProjectCommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: PostgresEventStore) {}

  async execute(projectId: string, command: ProjectCommand, context: CommandContext): Promise<CommandOutcome> {
    const streamId = projectStreamId(projectId);
    if (context.idempotency) {
      const earlier = await this.eventStore.readByIdempotencyKey(context.idempotency.key);
      if (earlier.length > 0) return replay(earlier, context.idempotency.requestFingerprint);
    }
    const history = await this.eventStore.readStream(streamId);
    const version = history.length;
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, context.expectedVersion, version);
    }
    const state: ProjectState = history.reduce(
      (current, recorded) => projectDecider.evolve(current, { type: recorded.type, data: recorded.data } as ProjectEvent),
      projectDecider.initialState(),
    );
    // The project's cluster decides who may act on it: a transport manager cannot touch a health project.
    const projectCluster = state.exists ? state.cluster : command.type === 'RegisterProject' ? command.data.cluster : undefined;
    if (projectCluster !== undefined && context.principal !== undefined) assertMayCommand(context.principal, projectCluster);
    const events = projectDecider.decide(command, state, { today: todayInAlmaty() });
    const cluster = events.reduce<string | undefined>((found, e) => (e.type === 'ProjectRegistered' ? e.data.cluster : found), state.exists ? state.cluster : undefined);
    const metadata = {
      subject: projectId,
      ...(cluster ? { cluster } : {}),
      correlationId: context.correlationId,
      causationId: context.commandId,
      actor: context.actor,
      ...(context.traceparent ? { traceparent: context.traceparent } : {}),
    };
    let appended;
    try {
      appended = await this.eventStore.append(
        streamId,
        version,
        events.map((event, index) => ({
          type: event.type,
          schemaVersion: PROJECT_EVENT_SCHEMA_VERSION[event.type],
          data: event.data as unknown as Record<string, unknown>,
          metadata:
            context.idempotency && index === 0
              ? { ...metadata, idempotencyKey: context.idempotency.key, requestFingerprint: context.idempotency.requestFingerprint }
              : metadata,
        })),
      );
    } catch (error) {
      // The same key raced in concurrently and won: answer as it was answered.
      if (error instanceof DuplicateIdempotencyKeyError && context.idempotency) {
        return replay(await this.eventStore.readByIdempotencyKey(context.idempotency.key), context.idempotency.requestFingerprint);
      }
      throw error;
    }
    return { projectId, version: appended.nextVersion, events, replayed: false };
  }
}

function replay(earlier: RecordedEvent[], requestFingerprint: string): CommandOutcome {
  const first = earlier[0];
  const last = earlier[earlier.length - 1];
  if (!first || !last) throw new Error('no events to replay');
  if (first.metadata.requestFingerprint !== requestFingerprint) {
    throw ProblemError.ruleViolated('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; use a new key for a new command.');
  }
  return {
    projectId: String(first.metadata.subject ?? first.streamId.replace(/^project-/, '')),
    version: last.streamVersion,
    events: earlier.map((e) => ({ type: e.type, data: e.data }) as ProjectEvent),
    replayed: true,
  };
}
