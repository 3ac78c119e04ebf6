import {
  agreementDecider,
  agreementStreamId,
  contractPackageDecider,
  contractPackageStreamId,
  DOMAIN_EVENT_TYPES,
  EXCHANGE_RATES_SUBJECT,
  exchangeRatesDecider,
  exchangeRatesStreamId,
  type ExchangeRatesCommand,
  milestonesDecider,
  milestonesStreamId,
  organisationDecider,
  organisationStreamId,
  performanceReviewDecider,
  performanceReviewStreamId,
  programmeDecider,
  programmeStreamId,
  projectDecider,
  projectStreamId,
  resultsDecider,
  resultsStreamId,
  type AgreementCommand,
  type ContractPackageCommand,
  type DecisionContext,
  type Decider,
  type MilestoneCommand,
  type OrganisationCommand,
  type PerformanceReviewCommand,
  type ProgrammeCommand,
  type ProjectCommand,
  type ResultsCommand,
} from '@ecab/domain';

/** The domain commands each aggregate takes; an endpoint's mapping is type-checked against its aggregate. */
export interface AggregateCommands {
  project: ProjectCommand;
  agreement: AgreementCommand;
  'contract-package': ContractPackageCommand;
  milestones: MilestoneCommand;
  results: ResultsCommand;
  'performance-review': PerformanceReviewCommand;
  programme: ProgrammeCommand;
  organisation: OrganisationCommand;
  'exchange-rates': ExchangeRatesCommand;
}
export type AggregateKind = keyof AggregateCommands;

export type AnyState = { readonly exists?: boolean; readonly projectId?: string };

/**
 * How commands of one aggregate find their stream. A project-scoped command acts on one project (see
 * `projectNamedBy`): its cluster decides who may send it and which Kafka topic carries the events.
 * Programme-scoped commands (the programme itself, organisations) belong to no cluster.
 */
export interface AggregateDefinition<C extends { type: string; data: object }> {
  readonly decider: Decider<C, { type: string; data: object }, AnyState, DecisionContext>;
  readonly streamId: (command: C) => string;
  readonly scope: 'project' | 'programme';
  /** The subject of a programme-scoped command's events (the programme or organisation id). */
  readonly subjectOf?: (command: C) => string;
}

/** The project a project-scoped command touches: named in the command, or known to the stream once it exists. */
export function projectNamedBy(command: { data: object }, state: AnyState): string | undefined {
  const named = (command.data as { projectId?: unknown }).projectId;
  if (typeof named === 'string') return named;
  return state.exists ? state.projectId : undefined;
}

function definition<C extends { type: string; data: object }>(d: {
  decider: unknown;
  streamId: (command: C) => string;
  scope: 'project' | 'programme';
  subjectOf?: (command: C) => string;
}): AggregateDefinition<C> {
  return d as AggregateDefinition<C>;
}

export const AGGREGATES: { readonly [K in AggregateKind]: AggregateDefinition<AggregateCommands[K]> } = {
  project: definition<ProjectCommand>({ decider: projectDecider, scope: 'project', streamId: (c) => projectStreamId(c.data.projectId) }),
  agreement: definition<AgreementCommand>({ decider: agreementDecider, scope: 'project', streamId: (c) => agreementStreamId(c.data.agreementId) }),
  'contract-package': definition<ContractPackageCommand>({
    decider: contractPackageDecider,
    scope: 'project',
    streamId: (c) => contractPackageStreamId(c.data.contractId),
  }),
  milestones: definition<MilestoneCommand>({ decider: milestonesDecider, scope: 'project', streamId: (c) => milestonesStreamId(c.data.projectId) }),
  results: definition<ResultsCommand>({ decider: resultsDecider, scope: 'project', streamId: (c) => resultsStreamId(c.data.projectId) }),
  'performance-review': definition<PerformanceReviewCommand>({
    decider: performanceReviewDecider,
    scope: 'project',
    streamId: (c) => performanceReviewStreamId(c.data.projectId, c.data.period),
  }),
  programme: definition<ProgrammeCommand>({
    decider: programmeDecider,
    scope: 'programme',
    streamId: (c) => programmeStreamId(c.data.programmeId),
    subjectOf: (c) => c.data.programmeId,
  }),
  organisation: definition<OrganisationCommand>({
    decider: organisationDecider,
    scope: 'programme',
    streamId: (c) => organisationStreamId(c.data.organisationId),
    subjectOf: (c) => c.data.organisationId,
  }),
  // Reference data: one stream per currency, all under the subject `exchange-rates` (programme topic).
  'exchange-rates': definition<ExchangeRatesCommand>({
    decider: exchangeRatesDecider,
    scope: 'programme',
    streamId: (c) => exchangeRatesStreamId(c.data.currency),
    subjectOf: () => EXCHANGE_RATES_SUBJECT,
  }),
};

const SCHEMA_VERSIONS = new Map(DOMAIN_EVENT_TYPES.map((t) => [t.type, t.schemaVersion]));

/** The schema version an event type is stored with today. */
export function schemaVersionOf(eventType: string): number {
  const version = SCHEMA_VERSIONS.get(eventType);
  if (version === undefined) throw new Error(`${eventType} is not a domain event type`);
  return version;
}
