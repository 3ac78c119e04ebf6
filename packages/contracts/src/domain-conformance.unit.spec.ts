import { DOMAIN_EVENT_TYPES, PROJECT_EVENT_SCHEMA_VERSION, PROJECT_EVENT_TYPES, projectCloudEventType } from '@ecab/domain';
import type {
  AgreementEvent,
  ContractPackageEvent,
  MilestoneEvent,
  OrganisationEvent,
  PerformanceReviewEvent,
  ProgrammeEvent,
  ProjectEvent,
  ResultsEvent,
  ExchangeRatesEvent,
} from '@ecab/domain';
import { contractForStoredType, EVENT_CONTRACTS, latestContract } from './event-types.js';
import type {
  CommitmentRecordedDataV2,
  DisbursementRecordedDataV2,
  LocationAddedDataV1,
  OtherIdentifierAddedDataV1,
  ParticipantAssignedDataV1,
  PolicyMarkersSetDataV1,
  ProjectApprovedDataV1,
  ProjectDateRecordedDataV1,
  ProjectIdentifierAssignedDataV1,
  ProjectPublishedDataV1,
  ProjectRegisteredDataV1,
  ProjectSectorsSetDataV1,
  ProjectStatusChangedDataV1,
  ProjectTitlesSetDataV1,
  RecipientCountriesSetDataV1,
  RelatedActivityLinkedDataV1,
  BudgetRecordedDataV1,
  DocumentLinkAddedDataV1,
} from './events/project/index.js';
import type {
  AgreementCommitmentRecordedDataV1,
  AgreementDeclaredEffectiveDataV1,
  AgreementDisbursementRecordedDataV1,
  AgreementOpenedDataV1,
  AgreementSignedDataV1,
  ClosingDateExtendedDataV1,
  CommitmentAmendedDataV1,
  ExpenditureRecordedDataV1,
  FundsCancelledDataV1,
  FundsReceivedDataV1,
  PlannedDisbursementScheduledDataV1,
  TransactionReversedDataV1,
} from './events/agreement/index.js';
import type { MilestoneAchievedDataV1, MilestoneDroppedDataV1, MilestonePlannedDataV1, MilestoneRescheduledDataV1 } from './events/milestones/index.js';
import type {
  ActualRejectedDataV1,
  ActualReportedDataV1,
  ActualVerifiedDataV1,
  BaselineSetDataV1,
  IndicatorDefinedDataV1,
  ResultDefinedDataV1,
  TargetSetDataV1,
} from './events/results/index.js';
import type {
  ContractAwardedDataV1,
  ContractCompletedDataV1,
  ContractTerminatedDataV1,
  ContractVariationApprovedDataV1,
  ProcurementPackagePlannedDataV1,
} from './events/contract-package/index.js';
import type { IssueRaisedDataV1, IssueResolvedDataV1, PerformanceRatedDataV1, RiskRegisteredDataV1 } from './events/performance-review/index.js';
import type {
  DecisionActionAssignedDataV1,
  DecisionActionCompletedDataV1,
  GovernanceMeetingRecordedDataV1,
  ProgrammeKpiObservedDataV1,
  ProgrammeRegisteredDataV1,
  ProgrammeTargetSetDataV1,
} from './events/programme/index.js';
import type { OrganisationMergedDataV1, OrganisationRegisteredDataV1, OrganisationRenamedDataV1 } from './events/organisation/index.js';
import type { ExchangeRateRecordedDataV1 } from './events/exchange-rates/index.js';

/**
 * The contract as the domain must honour it: read-only, and without the index signature of the tolerant
 * schema (the domain's interfaces have none, and need none to satisfy it).
 */
type Honoured<T> = T extends readonly (infer Item)[]
  ? readonly Honoured<Item>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Honoured<T[K]> }
    : T;

/** The properties a schema declares, without the index signature of a tolerant (loose) object. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends Pick<T, K>` holds exactly when K is optional
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type At<Path extends string, Key extends string> = Path extends '' ? Key : `${Path}.${Key}`;

/**
 * Where the domain's data type and the contract differ, as `path: problem` strings (never if they agree):
 * a property only one of them has, or one that is required in one and optional in the other. Assignability
 * alone would let the domain write a property the contract does not document.
 */
type Differences<Domain, Contract, Path extends string = ''> = [NonNullable<Domain>, NonNullable<Contract>] extends [infer D, infer C]
  ? D extends readonly (infer DomainItem)[]
    ? C extends readonly (infer ContractItem)[]
      ? Differences<DomainItem, ContractItem, `${Path}[]`>
      : `${Path}: an array in the domain only`
    : D extends object
      ? C extends object
        ? | `${At<Path, Exclude<keyof D, keyof Declared<C>> & string>}: written by the domain, not declared in the contract`
          | `${At<Path, Exclude<keyof Declared<C>, keyof D> & string>}: declared in the contract, never written by the domain`
          | `${At<Path, Exclude<RequiredKeys<D>, RequiredKeys<Declared<C>>> & string>}: required in the domain, optional in the contract`
          | `${At<Path, Exclude<RequiredKeys<Declared<C>>, RequiredKeys<D>> & string>}: optional in the domain, required in the contract`
          | { [K in keyof D & keyof Declared<C> & string]: Differences<D[K], Declared<C>[K], At<Path, K>> }[keyof D & keyof Declared<C> & string]
        : `${Path}: an object in the domain only`
      : never
  : never;

/**
 * Compiles only if every event the domain can record fits its published contract; `true` if the two
 * declare the same properties, required alike, else the differences.
 */
type Fits<Domain extends Honoured<Contract>, Contract> = [Differences<Domain, Contract>] extends [never] ? true : Differences<Domain, Contract>;

/** Every event the domain records; add an aggregate's union here when the domain gains one. */
type DomainEvent =
  | ProjectEvent
  | AgreementEvent
  | MilestoneEvent
  | ResultsEvent
  | ContractPackageEvent
  | PerformanceReviewEvent
  | ProgrammeEvent
  | OrganisationEvent
  | ExchangeRatesEvent;
type DataOf<Type extends DomainEvent['type']> = Extract<DomainEvent, { type: Type }>['data'];

// Checked by `npm run typecheck`: a domain change that breaks a published contract fails here. The data
// the domain records for each type must fit the contract of the version it records (its newest) and
// declare the same properties, required alike; a new domain event type needs its line.
export interface DomainEventsFitTheirContracts {
  ProjectRegistered: Fits<DataOf<'ProjectRegistered'>, ProjectRegisteredDataV1>;
  CommitmentRecorded: Fits<DataOf<'CommitmentRecorded'>, CommitmentRecordedDataV2>;
  DisbursementRecorded: Fits<DataOf<'DisbursementRecorded'>, DisbursementRecordedDataV2>;
  ProjectIdentifierAssigned: Fits<DataOf<'ProjectIdentifierAssigned'>, ProjectIdentifierAssignedDataV1>;
  ProjectPublished: Fits<DataOf<'ProjectPublished'>, ProjectPublishedDataV1>;
  OtherIdentifierAdded: Fits<DataOf<'OtherIdentifierAdded'>, OtherIdentifierAddedDataV1>;
  ProjectTitlesSet: Fits<DataOf<'ProjectTitlesSet'>, ProjectTitlesSetDataV1>;
  ProjectSectorsSet: Fits<DataOf<'ProjectSectorsSet'>, ProjectSectorsSetDataV1>;
  PolicyMarkersSet: Fits<DataOf<'PolicyMarkersSet'>, PolicyMarkersSetDataV1>;
  RecipientCountriesSet: Fits<DataOf<'RecipientCountriesSet'>, RecipientCountriesSetDataV1>;
  LocationAdded: Fits<DataOf<'LocationAdded'>, LocationAddedDataV1>;
  ParticipantAssigned: Fits<DataOf<'ParticipantAssigned'>, ParticipantAssignedDataV1>;
  ProjectDateRecorded: Fits<DataOf<'ProjectDateRecorded'>, ProjectDateRecordedDataV1>;
  ProjectApproved: Fits<DataOf<'ProjectApproved'>, ProjectApprovedDataV1>;
  ProjectStatusChanged: Fits<DataOf<'ProjectStatusChanged'>, ProjectStatusChangedDataV1>;
  RelatedActivityLinked: Fits<DataOf<'RelatedActivityLinked'>, RelatedActivityLinkedDataV1>;
  BudgetRecorded: Fits<DataOf<'BudgetRecorded'>, BudgetRecordedDataV1>;
  DocumentLinkAdded: Fits<DataOf<'DocumentLinkAdded'>, DocumentLinkAddedDataV1>;
  AgreementSigned: Fits<DataOf<'AgreementSigned'>, AgreementSignedDataV1>;
  AgreementOpened: Fits<DataOf<'AgreementOpened'>, AgreementOpenedDataV1>;
  AgreementDeclaredEffective: Fits<DataOf<'AgreementDeclaredEffective'>, AgreementDeclaredEffectiveDataV1>;
  AgreementCommitmentRecorded: Fits<DataOf<'AgreementCommitmentRecorded'>, AgreementCommitmentRecordedDataV1>;
  CommitmentAmended: Fits<DataOf<'CommitmentAmended'>, CommitmentAmendedDataV1>;
  FundsCancelled: Fits<DataOf<'FundsCancelled'>, FundsCancelledDataV1>;
  ClosingDateExtended: Fits<DataOf<'ClosingDateExtended'>, ClosingDateExtendedDataV1>;
  PlannedDisbursementScheduled: Fits<DataOf<'PlannedDisbursementScheduled'>, PlannedDisbursementScheduledDataV1>;
  FundsReceived: Fits<DataOf<'FundsReceived'>, FundsReceivedDataV1>;
  AgreementDisbursementRecorded: Fits<DataOf<'AgreementDisbursementRecorded'>, AgreementDisbursementRecordedDataV1>;
  ExpenditureRecorded: Fits<DataOf<'ExpenditureRecorded'>, ExpenditureRecordedDataV1>;
  TransactionReversed: Fits<DataOf<'TransactionReversed'>, TransactionReversedDataV1>;
  MilestonePlanned: Fits<DataOf<'MilestonePlanned'>, MilestonePlannedDataV1>;
  MilestoneRescheduled: Fits<DataOf<'MilestoneRescheduled'>, MilestoneRescheduledDataV1>;
  MilestoneAchieved: Fits<DataOf<'MilestoneAchieved'>, MilestoneAchievedDataV1>;
  MilestoneDropped: Fits<DataOf<'MilestoneDropped'>, MilestoneDroppedDataV1>;
  ResultDefined: Fits<DataOf<'ResultDefined'>, ResultDefinedDataV1>;
  IndicatorDefined: Fits<DataOf<'IndicatorDefined'>, IndicatorDefinedDataV1>;
  BaselineSet: Fits<DataOf<'BaselineSet'>, BaselineSetDataV1>;
  TargetSet: Fits<DataOf<'TargetSet'>, TargetSetDataV1>;
  ActualReported: Fits<DataOf<'ActualReported'>, ActualReportedDataV1>;
  ActualVerified: Fits<DataOf<'ActualVerified'>, ActualVerifiedDataV1>;
  ActualRejected: Fits<DataOf<'ActualRejected'>, ActualRejectedDataV1>;
  ProcurementPackagePlanned: Fits<DataOf<'ProcurementPackagePlanned'>, ProcurementPackagePlannedDataV1>;
  ContractAwarded: Fits<DataOf<'ContractAwarded'>, ContractAwardedDataV1>;
  ContractVariationApproved: Fits<DataOf<'ContractVariationApproved'>, ContractVariationApprovedDataV1>;
  ContractCompleted: Fits<DataOf<'ContractCompleted'>, ContractCompletedDataV1>;
  ContractTerminated: Fits<DataOf<'ContractTerminated'>, ContractTerminatedDataV1>;
  PerformanceRated: Fits<DataOf<'PerformanceRated'>, PerformanceRatedDataV1>;
  IssueRaised: Fits<DataOf<'IssueRaised'>, IssueRaisedDataV1>;
  IssueResolved: Fits<DataOf<'IssueResolved'>, IssueResolvedDataV1>;
  RiskRegistered: Fits<DataOf<'RiskRegistered'>, RiskRegisteredDataV1>;
  ProgrammeRegistered: Fits<DataOf<'ProgrammeRegistered'>, ProgrammeRegisteredDataV1>;
  ProgrammeTargetSet: Fits<DataOf<'ProgrammeTargetSet'>, ProgrammeTargetSetDataV1>;
  ProgrammeKpiObserved: Fits<DataOf<'ProgrammeKpiObserved'>, ProgrammeKpiObservedDataV1>;
  GovernanceMeetingRecorded: Fits<DataOf<'GovernanceMeetingRecorded'>, GovernanceMeetingRecordedDataV1>;
  DecisionActionAssigned: Fits<DataOf<'DecisionActionAssigned'>, DecisionActionAssignedDataV1>;
  DecisionActionCompleted: Fits<DataOf<'DecisionActionCompleted'>, DecisionActionCompletedDataV1>;
  OrganisationRegistered: Fits<DataOf<'OrganisationRegistered'>, OrganisationRegisteredDataV1>;
  OrganisationRenamed: Fits<DataOf<'OrganisationRenamed'>, OrganisationRenamedDataV1>;
  OrganisationMerged: Fits<DataOf<'OrganisationMerged'>, OrganisationMergedDataV1>;
  ExchangeRateRecorded: Fits<DataOf<'ExchangeRateRecorded'>, ExchangeRateRecordedDataV1>;
}

/** Compiles only if every contract declares exactly what the domain writes; the error says where they differ. */
type Mismatches = {
  [Type in keyof DomainEventsFitTheirContracts]: DomainEventsFitTheirContracts[Type] extends true
    ? never
    : `${Type}: ${DomainEventsFitTheirContracts[Type] & string}`;
}[keyof DomainEventsFitTheirContracts];
export const contractsDeclareWhatTheDomainWrites: [Mismatches] extends [never] ? true : [`mismatch: ${Mismatches}`] = true;

/** Compiles only if every domain event type has its line above; the error names the missing ones. */
type Unchecked = Exclude<DomainEvent['type'], keyof DomainEventsFitTheirContracts>;
export const everyDomainEventTypeIsChecked: [Unchecked] extends [never] ? true : [`no line for ${Unchecked}`] = true;

/** Programme-wide, organisation and exchange-rate events go on the programme topic; everything else on its project's cluster topic. */
const PROGRAMME_AGGREGATES: readonly string[] = ['programme', 'organisation', 'exchange-rates'];

describe('the domain and the published contract', () => {
  it('reads the domain event table', () => {
    expect(DOMAIN_EVENT_TYPES.length).toBeGreaterThan(0);
  });

  it('has a contract for every project event at the schema version the domain records', () => {
    for (const type of PROJECT_EVENT_TYPES) {
      const contract = contractForStoredType(type, PROJECT_EVENT_SCHEMA_VERSION[type]);
      expect(contract.ceType).toBe(projectCloudEventType(type));
    }
  });

  it('has a contract for every domain event type, as the newest version, under the name and audience the domain publishes', () => {
    const missing = DOMAIN_EVENT_TYPES.filter(({ type, aggregate, event, schemaVersion, partnerFacing }) => {
      const contract = EVENT_CONTRACTS.find((c) => c.type === type && c.schemaVersion === schemaVersion);
      return (
        contract === undefined ||
        contract !== latestContract(type) ||
        contract.ceType !== `ecab.${aggregate}.${event}.v${schemaVersion}` ||
        contract.aggregate !== aggregate ||
        contract.partnerFacing !== partnerFacing
      );
    });
    expect(missing).toEqual([]);
  });

  it('has a contract only for event types the domain records', () => {
    const recorded = new Set(DOMAIN_EVENT_TYPES.map((t) => t.type));
    expect(EVENT_CONTRACTS.filter((c) => !recorded.has(c.type)).map((c) => c.ceType)).toEqual([]);
  });

  it('routes programme, organisation and exchange-rate events to the programme topic and every other event to its cluster topic', () => {
    const misrouted = EVENT_CONTRACTS.filter((c) => c.topics !== (PROGRAMME_AGGREGATES.includes(c.aggregate) ? 'programme' : 'cluster'));
    expect(misrouted.map((c) => `${c.ceType} on ${c.topics}`)).toEqual([]);
  });
});
