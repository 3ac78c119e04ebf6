import { assertMayCommand, assertMayCommandProgramme } from '@ecab/auth';
import { refuseRecordsAfterEnd, registerProjectUseCase, type OrganisationMerged, type ProjectState } from '@ecab/domain';
import { WrongExpectedVersionError, type PostgresEventStore, type RecordedEvent } from '@ecab/event-store';
import { ChangedMeanwhileError, changedMeanwhile } from './changed-meanwhile.js';
import { ProblemError } from '@ecab/platform';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, FOLDED_STREAMS } from '../infrastructure/tokens.js';
import type { CommandContext } from './command-metadata.js';
import { todayInAlmaty } from './today.js';
import { FoldedStreams, type FoldedStream } from './folded-streams.js';
import { RelatedStreams } from './related-streams.js';
import { AGGREGATES, projectNamedBy, schemaVersionOf, type AggregateCommands, type AggregateKind, type AnyState } from './aggregates.js';

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
  /** When one request wrote several streams (exchange rates of several currencies): each stream and its version. */
  streams?: { streamId: string; version: number }[];
}

/** A decided command, not yet stored. */
interface Decision {
  streamId: string;
  version: number;
  projectId: string | undefined;
  cluster: string | undefined;
  subject: string;
  events: { type: string; data: object }[];
}

type Fold = { type: string; data: object };

/**
 * The one way a command runs, whatever its aggregate: load the stream, fold it, check who may act
 * on the project (or the programme), decide, and append with the expected version. A concurrent
 * writer makes the append fail and nothing is stored.
 */
@Injectable()
export class AggregateCommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: PostgresEventStore,
    @Inject(FOLDED_STREAMS) private readonly folded: FoldedStreams,
  ) {}

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

  /**
   * Several commands of one aggregate as one request (exchange rates of several currencies, one stream
   * each): every one is decided before any is stored, so a broken rule stores nothing; then each stream
   * is appended in turn. A concurrent writer can still make a later append fail after an earlier one
   * was stored; the aggregate must make a retry harmless (exchange rates: the same rate again records
   * nothing).
   */
  async executeAll<A extends AggregateKind>(aggregate: A, commands: readonly AggregateCommands[A][], context: CommandContext): Promise<CommandOutcome> {
    const { idempotency } = context;
    if (idempotency) {
      const earlier = await this.eventStore.readByIdempotencyKey(idempotency.key);
      if (earlier.length > 0) return this.replayAll(aggregate, commands, earlier, idempotency.requestFingerprint);
    }
    try {
      return await this.decideAndAppendAll(aggregate, commands, context);
    } catch (error) {
      // As in execute: a copy of this request sent at the same moment may have won.
      const winner = idempotency ? await this.eventStore.readByIdempotencyKey(idempotency.key) : [];
      if (idempotency && winner.length > 0) return this.replayAll(aggregate, commands, winner, idempotency.requestFingerprint);
      throw error;
    }
  }

  private async decideAndAppendAll<A extends AggregateKind>(
    aggregate: A,
    commands: readonly AggregateCommands[A][],
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const decisions: Decision[] = [];
    for (const command of commands) decisions.push(await this.decide(aggregate, command, context));
    const outcomes: CommandOutcome[] = [];
    let keyed = false;
    for (const decision of decisions) {
      // The Idempotency-Key goes on the first event the request stores (the unique index allows one).
      const withKey: boolean = !keyed && decision.events.length > 0;
      outcomes.push(await this.append(decision, withKey ? context : { ...context, idempotency: undefined }));
      keyed ||= withKey;
    }
    return combined(outcomes);
  }

  /** A retried multi-stream request: its first answer, rebuilt from what it stored in each stream (same causation). */
  private async replayAll<A extends AggregateKind>(
    aggregate: A,
    commands: readonly AggregateCommands[A][],
    earlier: RecordedEvent[],
    requestFingerprint: string,
  ): Promise<CommandOutcome> {
    const first = replay(earlier, requestFingerprint);
    const causation = earlier[0]!.metadata.causationId;
    const outcomes: CommandOutcome[] = [];
    for (const streamId of new Set(commands.map((command) => AGGREGATES[aggregate].streamId(command)))) {
      const stored = (await this.eventStore.readStream(streamId)).filter((e) => e.metadata.causationId === causation);
      const last = stored.at(-1);
      if (last) outcomes.push({ ...first, streamId, version: last.streamVersion, events: stored.map((e) => ({ type: e.type, data: e.data })) });
    }
    return { ...combined(outcomes.length > 0 ? outcomes : [first]), replayed: true };
  }

  private async run<A extends AggregateKind>(aggregate: A, command: AggregateCommands[A], context: CommandContext): Promise<CommandOutcome> {
    try {
      return await this.append(await this.decide(aggregate, command, context), context);
    } catch (error) {
      // Refused on a stale version: say what was stored since, read from the stream as it is now.
      if (error instanceof WrongExpectedVersionError && !(error instanceof ChangedMeanwhileError))
        throw changedMeanwhile(error, await this.eventStore.readStream(error.streamId));
      throw error;
    }
  }

  private async decide<A extends AggregateKind>(aggregate: A, original: AggregateCommands[A], context: CommandContext): Promise<Decision> {
    const definition = AGGREGATES[aggregate];
    const related = new RelatedStreams(this.eventStore, this.folded);
    const command =
      aggregate === 'agreement'
        ? ((await related.onFinancierAgreement(original as AggregateCommands['agreement'], context)) as AggregateCommands[A])
        : original;
    const streamId = definition.streamId(command);
    const { version, state } = await this.fold(aggregate, command, streamId, related);
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, context.expectedVersion, version);
    }
    const { decider } = definition;

    let projectId: string | undefined;
    let cluster: string | undefined;
    let project: ProjectState | undefined;
    let subject: string;
    if (definition.scope === 'project') {
      projectId = projectNamedBy(command, state);
      if (projectId === undefined) throw ProblemError.notFound(`${streamId} does not exist; it names no project yet.`);
      if (aggregate !== 'project') project = await related.registeredProject(projectId);
      cluster = project?.exists ? project.cluster : this.clusterFromProject(command, state as ProjectState);
      // The project's cluster decides who may act on it: a transport manager cannot touch a health project.
      // Without a principal the caller is the platform itself (tests, tools); every HTTP route has one.
      if (cluster !== undefined && context.principal !== undefined) assertMayCommand(context.principal, cluster);
      subject = projectId;
    } else {
      if (context.principal !== undefined) assertMayCommandProgramme(context.principal);
      subject = definition.subjectOf?.(command) ?? streamId;
    }

    const events = decider.decide(command, state, { today: todayInAlmaty() });
    if (project) refuseRecordsAfterEnd(project, events);
    for (const event of events) if (event.type === 'OrganisationMerged') await related.checkMergeTarget(event as OrganisationMerged);
    return { streamId, version, projectId, cluster, subject, events };
  }

  /**
   * The command's own stream, folded. A shorthand agreement starts from its project's money of before
   * agreements, read afresh each time; every other stream is folded through the kept states.
   */
  private async fold<A extends AggregateKind>(
    aggregate: A,
    command: AggregateCommands[A],
    streamId: string,
    related: RelatedStreams,
  ): Promise<FoldedStream<AnyState>> {
    const { decider, scope } = AGGREGATES[aggregate];
    const evolve = (current: AnyState, event: Fold) => decider.evolve(current as never, event as never) as AnyState;
    if (aggregate === 'agreement' && related.isShorthandAgreement(streamId)) {
      const history = await this.eventStore.readStream(streamId);
      return {
        version: history.length,
        state: history.reduce<AnyState>((current, recorded) => evolve(current, recorded), await related.projectMoneyOf(streamId)),
      };
    }
    const initial = () => decider.initialState() as AnyState;
    // When the project the command will be checked against can be told before its stream is read (named in the
    // command, or in the state kept for the stream), both streams are read in one statement.
    const projectId =
      scope === 'project' && aggregate !== 'project'
        ? projectNamedBy(command, (this.folded.peek(streamId)?.state as AnyState | undefined) ?? initial())
        : undefined;
    if (projectId !== undefined) return related.foldWithProject({ streamId, evolve, initial }, projectId);
    return this.folded.fold(streamId, evolve, initial);
  }

  private async append(decision: Decision, context: CommandContext): Promise<CommandOutcome> {
    const { streamId, version, projectId, cluster, subject, events } = decision;
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
    return command.type === registerProjectUseCase.commandType ? (command.data as { cluster: string }).cluster : undefined;
  }
}

/**
 * One answer for a request that wrote several streams: the last stream that recorded something (or the
 * last one), every event, and each stream that recorded something with its version.
 */
function combined(outcomes: CommandOutcome[]): CommandOutcome {
  const written = outcomes.filter((o) => o.events.length > 0);
  const last = written.at(-1) ?? outcomes.at(-1);
  if (!last) throw new Error('executeAll needs at least one command');
  return { ...last, events: outcomes.flatMap((o) => o.events), streams: written.map((o) => ({ streamId: o.streamId, version: o.version })) };
}

function replay(earlier: RecordedEvent[], requestFingerprint: string): CommandOutcome {
  const first = earlier[0];
  const last = earlier[earlier.length - 1];
  if (!first || !last) throw new Error('no events to replay');
  if (first.metadata.requestFingerprint !== requestFingerprint) {
    throw ProblemError.ruleViolated(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request; use a new key for a new command.',
    );
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
