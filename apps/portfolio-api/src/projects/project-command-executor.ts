import {
  PROJECT_EVENT_SCHEMA_VERSION,
  projectDecider,
  projectStreamId,
  type ProjectCommand,
  type ProjectEvent,
  type ProjectState,
} from '@ecab/domain';
import { WrongExpectedVersionError, type PostgresEventStore } from '@ecab/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import type { CommandContext } from './command-metadata.js';
import { todayInAlmaty } from './today.js';

export interface CommandOutcome {
  projectId: string;
  /** The stream version after the command; the ETag of the project. */
  version: number;
  events: ProjectEvent[];
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
    const history = await this.eventStore.readStream(streamId);
    const version = history.length;
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, context.expectedVersion, version);
    }
    const state: ProjectState = history.reduce(
      (current, recorded) => projectDecider.evolve(current, { type: recorded.type, data: recorded.data } as ProjectEvent),
      projectDecider.initialState(),
    );
    const events = projectDecider.decide(command, state, { today: todayInAlmaty() });
    const cluster = events.reduce<string | undefined>((found, e) => (e.type === 'ProjectRegistered' ? e.data.cluster : found), state.exists ? state.cluster : undefined);
    const { nextVersion } = await this.eventStore.append(
      streamId,
      version,
      events.map((event) => ({
        type: event.type,
        schemaVersion: PROJECT_EVENT_SCHEMA_VERSION[event.type],
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          subject: projectId,
          ...(cluster ? { cluster } : {}),
          correlationId: context.correlationId,
          causationId: context.commandId,
          actor: context.actor,
          ...(context.traceparent ? { traceparent: context.traceparent } : {}),
        },
      })),
    );
    return { projectId, version: nextVersion, events };
  }
}
