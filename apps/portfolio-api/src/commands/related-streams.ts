import { assertMayCommand } from '@ecab/auth';
import {
  agreementStreamId,
  chooseFinancierAgreement,
  evolveAgreementWithProjectMoney,
  organisationDecider,
  organisationStreamId,
  parseShorthandAgreementId,
  projectDecider,
  projectStreamId,
  recordCommitmentUseCase,
  recordDisbursementUseCase,
  requireMergeTarget,
  shorthandAgreementId,
  type AgreementState,
  type FinancierAgreement,
  type LegacyProjectMoney,
  type OrganisationMerged,
  type ProjectState,
  type RegisteredProject,
} from '@ecab/domain';
import type { PostgresEventStore, RecordedEvent } from '@ecab/event-store';
import { ProblemError } from '@ecab/platform';
import type { AggregateCommands } from './aggregates.js';
import type { CommandContext } from './command-metadata.js';
import type { FoldedStream, FoldedStreams, FoldRequest } from './folded-streams.js';

/** The project-stream money of before agreements: it counts on the project's shorthand agreement with its financier. */
const LEGACY_MONEY = new Set(['CommitmentRecorded', 'DisbursementRecorded']);
/** The events that open an agreement, and name its project and financier. */
const AGREEMENT_OPENINGS = ['AgreementSigned', 'AgreementOpened'];

/**
 * The streams a command reads besides its own, for one decision: its project (who may act, whether it has
 * ended, its money of before agreements), the project's agreements with a financier, the organisation a
 * merger names. The project's stream is read once however often it is asked for, and folded once.
 */
export class RelatedStreams {
  private readonly projectStreams = new Map<string, Promise<RecordedEvent[]>>();
  private readonly projectFolds = new Map<string, Promise<FoldedStream<ProjectState>>>();

  constructor(
    private readonly eventStore: PostgresEventStore,
    private readonly folded: FoldedStreams,
  ) {}

  private projectStream(projectId: string): Promise<RecordedEvent[]> {
    let read = this.projectStreams.get(projectId);
    if (!read) this.projectStreams.set(projectId, (read = this.eventStore.readStream(projectStreamId(projectId))));
    return read;
  }

  /**
   * The project-level shorthand acts on "the project's agreement with that financier": the project's
   * agreements are found by the event store's index on (subject, type) — every agreement event's subject
   * is its project — plus the shorthand agreement when old project-stream money of that financier names
   * it; the domain chooses (exactly one: it; none: open the shorthand one; several: refuse).
   */
  async onFinancierAgreement(command: AggregateCommands['agreement'], context: CommandContext): Promise<AggregateCommands['agreement']> {
    if (command.type !== recordCommitmentUseCase.commandType && command.type !== recordDisbursementUseCase.commandType) return command;
    const { projectId, financier } = command.data;
    // Who may act on the project is settled before its agreements are looked at (and named in a refusal).
    const { cluster } = await this.registeredProject(projectId);
    if (context.principal !== undefined) assertMayCommand(context.principal, cluster);
    const openings = await this.eventStore.readBySubjectAndTypes(projectId, AGREEMENT_OPENINGS);
    const agreements: FinancierAgreement[] = openings
      .filter((e) => e.data.projectId === projectId && typeof e.data.agreementId === 'string' && e.streamId === agreementStreamId(e.data.agreementId))
      .map((e) => ({ agreementId: e.data.agreementId as string, financier: (e.data.financier ?? {}) as FinancierAgreement['financier'] }));
    const projectStream = await this.projectStream(projectId);
    if (projectStream.some((e) => LEGACY_MONEY.has(e.type) && e.data.financier === financier)) {
      agreements.push({ agreementId: shorthandAgreementId(projectId, financier), financier: { ref: financier } });
    }
    const agreementId = chooseFinancierAgreement(projectId, financier, agreements);
    return command.type === recordCommitmentUseCase.commandType
      ? { ...command, data: { ...command.data, agreementId } }
      : { ...command, data: { ...command.data, agreementId } };
  }

  /** Whether the agreement stream is a project's shorthand agreement with one financier (see projectMoneyOf). */
  isShorthandAgreement(streamId: string): boolean {
    return parseShorthandAgreementId(streamId.slice('agreement-'.length)) !== undefined;
  }

  /** A shorthand agreement starts from its project's money of before agreements (stored v1 rows, never rewritten). */
  async projectMoneyOf(streamId: string): Promise<AgreementState> {
    const shorthand = parseShorthandAgreementId(streamId.slice('agreement-'.length));
    let state: AgreementState = { exists: false };
    if (!shorthand) return state;
    for (const recorded of await this.projectStream(shorthand.projectId)) {
      if (LEGACY_MONEY.has(recorded.type) && recorded.data.financier === shorthand.financierRef) {
        state = evolveAgreementWithProjectMoney(state, { type: recorded.type, data: recorded.data } as unknown as LegacyProjectMoney);
      }
    }
    return state;
  }

  /** The organisation a merger names is read from its own stream: registered, not merged itself, by the merger's day. */
  async checkMergeTarget(merged: OrganisationMerged): Promise<void> {
    const history = await this.eventStore.readStream(organisationStreamId(merged.data.intoOrganisationId));
    const target = history.reduce(
      (current, recorded) => organisationDecider.evolve(current, { type: recorded.type, data: recorded.data } as never),
      organisationDecider.initialState(),
    );
    requireMergeTarget(merged, target);
  }

  /**
   * The command's own stream folded together with its project's, both read in one statement; `registeredProject`
   * then answers from that fold.
   */
  async foldWithProject<S>(own: FoldRequest<S>, projectId: string): Promise<FoldedStream<S>> {
    if (this.projectFolds.has(projectId)) return this.folded.fold(own.streamId, own.evolve, own.initial);
    const both = this.folded.foldAll([own as FoldRequest<unknown>, projectFoldRequest(projectId) as FoldRequest<unknown>]);
    const project = both.then(([, folded]) => folded as FoldedStream<ProjectState>);
    project.catch(() => undefined); // its failure is the caller's, through `both`; not an unhandled rejection
    this.projectFolds.set(projectId, project);
    const [folded] = await both;
    return folded as FoldedStream<S>;
  }

  /** Another aggregate of a project: the project must exist; its cluster scopes the command, and its end stops new records. */
  async registeredProject(projectId: string): Promise<RegisteredProject> {
    let fold = this.projectFolds.get(projectId);
    if (!fold) {
      const { streamId, evolve, initial } = projectFoldRequest(projectId);
      this.projectFolds.set(projectId, (fold = this.folded.fold(streamId, evolve, initial)));
    }
    const { state: project } = await fold;
    if (!project.exists) throw ProblemError.notFound(`Project ${projectId} is not registered.`);
    return project;
  }
}

function projectFoldRequest(projectId: string): FoldRequest<ProjectState> {
  return {
    streamId: projectStreamId(projectId),
    evolve: (current, event) => projectDecider.evolve(current, event as never),
    initial: () => projectDecider.initialState(),
  };
}
