import { assertMayCommand, assertMayCommandProgramme } from '@ecab/auth';
import { projectDecider, projectStreamId, type ProjectState } from '@ecab/domain';
import { WrongExpectedVersionError, type PostgresEventStore, type RecordedEvent } from '@ecab/event-store';
import { ProblemError } from '@ecab/platform';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import type { CommandContext } from './command-metadata.js';
import { todayInAlmaty } from './today.js';
import { AGGREGATES, projectNamedBy, schemaVersionOf, type AggregateCommands, type AggregateKind } from './aggregates.js';

export interface CommandOutcome {
  streamId: string;
  /** The project the events belong to; undefined for programme-wide commands. */
  projectId: string | undefined;
  /** The subject of the events: the project, programme or organisation id. */
  subject: string;
  /** The stream version after the command; the ETag. */
  version: number;
  events: { type: string; data: object }[];
  /** True when an Idempotency-Key matched an earlier command: this is its answer, nothing new was stored. */
  replayed: boolean;
}

type Fold = { type: string; data: object };

/**
 * The one way a command runs, whatever its aggregate: load the stream, fold it, check who may act
 * on the project (or the programme), decide, and append with the expected version. A concurrent
 * writer makes the append fail and nothing is stored.
 */
@Injectable()
export class AggregateCommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: PostgresEventStore) {}

  async execute<A extends AggregateKind>(aggregate: A, command: AggregateCommands[A], context: CommandContext): Promise<CommandOutcome> {
    const { idempotency } = context;
    if (!idempotency) return this.run(aggregate, command, context);
    const earlier = await this.eventStore.readByIdempotencyKey(idempotency.key);
    if (earlier.length > 0) return replay(earlier, idempotency.requestFingerprint);
    try {
      return await this.run(aggregate, command, context);
    } catch (error) {
      // A copy of this request sent at the same moment may have won: then this one failed because of
      // it (a version conflict, the key's unique index, or a rule such as a duplicate id, since the
      // copy's ids are the same). Answer as the winner was answered.
      const winner = await this.eventStore.readByIdempotencyKey(idempotency.key);
      if (winner.length > 0) return replay(winner, idempotency.requestFingerprint);
      throw error;
    }
  }

  private async run<A extends AggregateKind>(aggregate: A, command: AggregateCommands[A], context: CommandContext): Promise<CommandOutcome> {
    const definition = AGGREGATES[aggregate];
    const streamId = definition.streamId(command);
    const history = await this.eventStore.readStream(streamId);
    const version = history.length;
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, context.expectedVersion, version);
    }
    const { decider } = definition;
    const state = history.reduce((current, recorded) => decider.evolve(current, { type: recorded.type, data: recorded.data } as Fold), decider.initialState());

    let projectId: string | undefined;
    let cluster: string | undefined;
    let subject: string;
    if (definition.scope === 'project') {
      projectId = projectNamedBy(command, state);
      if (projectId === undefined) throw ProblemError.notFound(`${streamId} does not exist; it names no project yet.`);
      cluster = aggregate === 'project' ? this.clusterFromProject(command, state as ProjectState) : await this.clusterOfProject(projectId);
      // The project's cluster decides who may act on it: a transport manager cannot touch a health project.
      // Without a principal the caller is the platform itself (tests, tools); every HTTP route has one.
      if (cluster !== undefined && context.principal !== undefined) assertMayCommand(context.principal, cluster);
      subject = projectId;
    } else {
      if (context.principal !== undefined) assertMayCommandProgramme(context.principal);
      subject = definition.subjectOf?.(command) ?? streamId;
    }

    const events = decider.decide(command, state, { today: todayInAlmaty() });
    const metadata = {
      subject,
      ...(cluster ? { cluster } : {}),
      correlationId: context.correlationId,
      causationId: context.commandId,
      actor: context.actor,
      ...(context.principal ? { roles: [...context.principal.roles] } : {}),
      ...(context.traceparent ? { traceparent: context.traceparent } : {}),
    };
    const appended = await this.eventStore.append(
      streamId,
      version,
      events.map((event, index) => ({
        type: event.type,
        schemaVersion: schemaVersionOf(event.type),
        data: event.data as Record<string, unknown>,
        metadata:
          context.idempotency && index === 0
            ? { ...metadata, idempotencyKey: context.idempotency.key, requestFingerprint: context.idempotency.requestFingerprint }
            : metadata,
      })),
    );
    return { streamId, projectId, subject, version: appended.nextVersion, events, replayed: false };
  }

  /** A project's own command: its cluster is in its state, or in the registration being decided. */
  private clusterFromProject(command: { type: string; data: object }, state: ProjectState): string | undefined {
    if (state.exists) return state.cluster;
    return command.type === 'RegisterProject' ? (command.data as { cluster: string }).cluster : undefined;
  }

  /** Another aggregate of a project: the project must exist, and its cluster scopes the command. */
  private async clusterOfProject(projectId: string): Promise<string> {
    const history = await this.eventStore.readStream(projectStreamId(projectId));
    const project = history.reduce(
      (current, recorded) => projectDecider.evolve(current, { type: recorded.type, data: recorded.data } as never),
      projectDecider.initialState(),
    );
    if (!project.exists) throw ProblemError.notFound(`Project ${projectId} is not registered.`);
    return project.cluster;
  }
}

function replay(earlier: RecordedEvent[], requestFingerprint: string): CommandOutcome {
  const first = earlier[0];
  const last = earlier[earlier.length - 1];
  if (!first || !last) throw new Error('no events to replay');
  if (first.metadata.requestFingerprint !== requestFingerprint) {
    throw ProblemError.ruleViolated('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; use a new key for a new command.');
  }
  const subject = String(first.metadata.subject ?? first.streamId);
  return {
    streamId: first.streamId,
    projectId: first.metadata.cluster !== undefined ? subject : undefined,
    subject,
    version: last.streamVersion,
    events: earlier.map((e) => ({ type: e.type, data: e.data })),
    replayed: true,
  };
}
