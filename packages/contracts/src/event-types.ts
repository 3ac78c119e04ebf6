import { createEventRegistry, defineContract, type EventContract } from './event-registry.js';
import type { PortfolioEvent } from './portfolio-event.js';
import {
  commitmentRecordedV1,
  commitmentRecordedV2,
  disbursementRecordedV1,
  disbursementRecordedV2,
  upcastCommitmentRecordedV1,
  upcastDisbursementRecordedV1,
  locationAddedV1,
  otherIdentifierAddedV1,
  participantAssignedV1,
  policyMarkersSetV1,
  projectApprovedV1,
  projectDateRecordedV1,
  projectIdentifierAssignedV1,
  projectPublishedV1,
  projectRegisteredV1,
  projectSectorsSetV1,
  projectStatusChangedV1,
  projectTitlesSetV1,
  recipientCountriesSetV1,
  relatedActivityLinkedV1,
} from './events/project/index.js';
import {
  agreementCommitmentRecordedV1,
  agreementDeclaredEffectiveV1,
  agreementDisbursementRecordedV1,
  agreementOpenedV1,
  agreementSignedV1,
  closingDateExtendedV1,
  commitmentAmendedV1,
  expenditureRecordedV1,
  fundsCancelledV1,
  fundsReceivedV1,
  plannedDisbursementScheduledV1,
  transactionReversedV1,
} from './events/agreement/index.js';
import {
  milestoneAchievedV1,
  milestoneDroppedV1,
  milestonePlannedV1,
  milestoneRescheduledV1,
} from './events/milestones/index.js';
import {
  actualRejectedV1,
  actualReportedV1,
  actualVerifiedV1,
  baselineSetV1,
  indicatorDefinedV1,
  resultDefinedV1,
  targetSetV1,
} from './events/results/index.js';
import {
  contractAwardedV1,
  contractCompletedV1,
  contractTerminatedV1,
  contractVariationApprovedV1,
  procurementPackagePlannedV1,
} from './events/contract-package/index.js';
import {
  issueRaisedV1,
  issueResolvedV1,
  performanceRatedV1,
  riskRegisteredV1,
} from './events/performance-review/index.js';
import {
  decisionActionAssignedV1,
  decisionActionCompletedV1,
  governanceMeetingRecordedV1,
  programmeKpiObservedV1,
  programmeRegisteredV1,
  programmeTargetSetV1,
} from './events/programme/index.js';
import {
  organisationMergedV1,
  organisationRegisteredV1,
  organisationRenamedV1,
} from './events/organisation/index.js';
import { exchangeRateRecordedV1 } from './events/exchange-rates/index.js';

/**
 * Every event type and version ever published, kept forever. A new event is one schema file under
 * `events/<aggregate>/` and one line here; an incompatible change is a new line with `schemaVersion + 1`
 * and an `upcastFromPrevious`. Then `npm run generate` and a recorded fixture under `fixtures/<ceType>/`.
 */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  // Projects: one stream per project. Descriptive data is internal until the project is published (docs/DOMAIN.md §3.2).
  defineContract({
    type: 'ProjectRegistered', schemaVersion: 1, aggregate: 'project', event: 'registered', schema: projectRegisteredV1,
    partnerFacing: true, description: 'A project joined the ECAB portfolio, in one cluster, with its recipient countries.',
  }),
  defineContract({
    type: 'CommitmentRecorded', schemaVersion: 1, aggregate: 'project', event: 'commitment-recorded', schema: commitmentRecordedV1,
    partnerFacing: true, description: 'A financier committed funds to a project.',
  }),
  defineContract({
    type: 'CommitmentRecorded', schemaVersion: 2, aggregate: 'project', event: 'commitment-recorded', schema: commitmentRecordedV2,
    partnerFacing: true, description: "A financier committed funds to a project (recorded before money lived on agreements); names the project's shorthand agreement with the financier it counts under.",
    upcastFromPrevious: upcastCommitmentRecordedV1,
  }),
  defineContract({
    type: 'DisbursementRecorded', schemaVersion: 1, aggregate: 'project', event: 'disbursement-recorded', schema: disbursementRecordedV1,
    partnerFacing: true, description: 'Funds of a financier were disbursed to a project.',
  }),
  defineContract({
    type: 'DisbursementRecorded', schemaVersion: 2, aggregate: 'project', event: 'disbursement-recorded', schema: disbursementRecordedV2,
    partnerFacing: true, description: "Funds of a financier were released to a project (recorded before money lived on agreements; counts as funds received, IATI 1); names the project's shorthand agreement it counts under.",
    upcastFromPrevious: upcastDisbursementRecordedV1,
  }),
  defineContract({
    type: 'ProjectIdentifierAssigned', schemaVersion: 1, aggregate: 'project', event: 'identifier-assigned', schema: projectIdentifierAssignedV1,
    partnerFacing: false, description: 'A project was given its IATI activity identifier, or a corrected one.',
  }),
  defineContract({
    type: 'ProjectPublished', schemaVersion: 1, aggregate: 'project', event: 'published', schema: projectPublishedV1,
    partnerFacing: false, description: 'A validated project was published under its IATI identifier.',
  }),
  defineContract({
    type: 'OtherIdentifierAdded', schemaVersion: 1, aggregate: 'project', event: 'other-identifier-added', schema: otherIdentifierAddedV1,
    partnerFacing: false, description: 'Another identifier of the project (IATI other-identifier) was recorded.',
  }),
  defineContract({
    type: 'ProjectTitlesSet', schemaVersion: 1, aggregate: 'project', event: 'titles-set', schema: projectTitlesSetV1,
    partnerFacing: false, description: "The project's titles in English and the other portfolio languages were set.",
  }),
  defineContract({
    type: 'ProjectSectorsSet', schemaVersion: 1, aggregate: 'project', event: 'sectors-set', schema: projectSectorsSetV1,
    partnerFacing: false, description: "The project's sector set (DAC and ECAB cluster codes, with shares) was replaced.",
  }),
  defineContract({
    type: 'PolicyMarkersSet', schemaVersion: 1, aggregate: 'project', event: 'policy-markers-set', schema: policyMarkersSetV1,
    partnerFacing: false, description: "The project's IATI policy markers and their significance were replaced.",
  }),
  defineContract({
    type: 'RecipientCountriesSet', schemaVersion: 1, aggregate: 'project', event: 'recipient-countries-set', schema: recipientCountriesSetV1,
    partnerFacing: false, description: "The project's recipient countries and their shares were replaced.",
  }),
  defineContract({
    type: 'LocationAdded', schemaVersion: 1, aggregate: 'project', event: 'location-added', schema: locationAddedV1,
    partnerFacing: false, description: 'A location of the project was recorded, with its coordinates if known.',
  }),
  defineContract({
    type: 'ParticipantAssigned', schemaVersion: 1, aggregate: 'project', event: 'participant-assigned', schema: participantAssignedV1,
    partnerFacing: false, description: 'An organisation took a role (funding, accountable, extending, implementing) in the project.',
  }),
  defineContract({
    type: 'ProjectDateRecorded', schemaVersion: 1, aggregate: 'project', event: 'date-recorded', schema: projectDateRecordedV1,
    partnerFacing: true, description: 'A planned or actual start or end date of the project was recorded.',
  }),
  defineContract({
    type: 'ProjectApproved', schemaVersion: 1, aggregate: 'project', event: 'approved', schema: projectApprovedV1,
    partnerFacing: true, description: 'The project was approved; its stage became approved.',
  }),
  defineContract({
    type: 'ProjectStatusChanged', schemaVersion: 1, aggregate: 'project', event: 'status-changed', schema: projectStatusChangedV1,
    partnerFacing: true, description: "The project's IATI activity status changed, and with it its life stage.",
  }),
  defineContract({
    type: 'RelatedActivityLinked', schemaVersion: 1, aggregate: 'project', event: 'related-activity-linked', schema: relatedActivityLinkedV1,
    partnerFacing: false, description: 'The project was linked to a parent, child, sibling, co-funded or third-party activity.',
  }),

  // Financing agreements: one stream per agreement, keyed and routed by the agreement's project.
  defineContract({
    type: 'AgreementSigned', schemaVersion: 1, aggregate: 'agreement', event: 'signed', schema: agreementSignedV1,
    partnerFacing: true, description: 'A financing agreement (grant, loan, TA, counterpart or PPP tranche) for a project was signed.',
  }),
  defineContract({
    type: 'AgreementOpened', schemaVersion: 1, aggregate: 'agreement', event: 'opened', schema: agreementOpenedV1,
    partnerFacing: true, description: 'The project-level shorthand opened the agreement <projectId>~<financier> for money of a financier the project had no agreement with.',
  }),
  defineContract({
    type: 'AgreementDeclaredEffective', schemaVersion: 1, aggregate: 'agreement', event: 'declared-effective', schema: agreementDeclaredEffectiveV1,
    partnerFacing: true, description: 'A signed financing agreement was declared effective.',
  }),
  defineContract({
    type: 'AgreementCommitmentRecorded', schemaVersion: 1, aggregate: 'agreement', event: 'commitment-recorded', schema: agreementCommitmentRecordedV1,
    partnerFacing: true, description: 'A commitment under a financing agreement was recorded (IATI incoming commitment).',
  }),
  defineContract({
    type: 'CommitmentAmended', schemaVersion: 1, aggregate: 'agreement', event: 'commitment-amended', schema: commitmentAmendedV1,
    partnerFacing: true, description: 'A commitment under a financing agreement was increased or decreased by the signed amount.',
  }),
  defineContract({
    type: 'FundsCancelled', schemaVersion: 1, aggregate: 'agreement', event: 'funds-cancelled', schema: fundsCancelledV1,
    partnerFacing: true, description: 'Committed funds of a financing agreement were cancelled.',
  }),
  defineContract({
    type: 'ClosingDateExtended', schemaVersion: 1, aggregate: 'agreement', event: 'closing-date-extended', schema: closingDateExtendedV1,
    partnerFacing: true, description: 'The closing date of a financing agreement was extended.',
  }),
  defineContract({
    type: 'PlannedDisbursementScheduled', schemaVersion: 1, aggregate: 'agreement', event: 'planned-disbursement-scheduled', schema: plannedDisbursementScheduledV1,
    partnerFacing: false, description: 'A disbursement under a financing agreement was planned for a period of at most a year.',
  }),
  defineContract({
    type: 'FundsReceived', schemaVersion: 1, aggregate: 'agreement', event: 'funds-received', schema: fundsReceivedV1,
    partnerFacing: true, description: 'Funds of a financing agreement were received (IATI incoming funds).',
  }),
  defineContract({
    type: 'AgreementDisbursementRecorded', schemaVersion: 1, aggregate: 'agreement', event: 'disbursement-recorded', schema: agreementDisbursementRecordedV1,
    partnerFacing: true, description: 'Funds of a financing agreement were disbursed (IATI disbursement).',
  }),
  defineContract({
    type: 'ExpenditureRecorded', schemaVersion: 1, aggregate: 'agreement', event: 'expenditure-recorded', schema: expenditureRecordedV1,
    partnerFacing: true, description: 'Funds of a financing agreement were spent on goods or services (IATI expenditure).',
  }),
  defineContract({
    type: 'TransactionReversed', schemaVersion: 1, aggregate: 'agreement', event: 'transaction-reversed', schema: transactionReversedV1,
    partnerFacing: true, description: 'A recorded money movement of a financing agreement was reversed in full, as a correction.',
  }),

  // Milestones: one stream per project holds all its milestones.
  defineContract({
    type: 'MilestonePlanned', schemaVersion: 1, aggregate: 'milestone', event: 'planned', schema: milestonePlannedV1,
    partnerFacing: false, description: 'A milestone of a project was planned, with its baseline date.',
  }),
  defineContract({
    type: 'MilestoneRescheduled', schemaVersion: 1, aggregate: 'milestone', event: 'rescheduled', schema: milestoneRescheduledV1,
    partnerFacing: true, description: 'A milestone was moved to a new date; the slippage is counted against its baseline.',
  }),
  defineContract({
    type: 'MilestoneAchieved', schemaVersion: 1, aggregate: 'milestone', event: 'achieved', schema: milestoneAchievedV1,
    partnerFacing: true, description: 'A milestone was achieved, on, ahead of or behind its baseline date.',
  }),
  defineContract({
    type: 'MilestoneDropped', schemaVersion: 1, aggregate: 'milestone', event: 'dropped', schema: milestoneDroppedV1,
    partnerFacing: false, description: 'A planned milestone was dropped.',
  }),

  // Results frameworks (DMF): one stream per project.
  defineContract({
    type: 'ResultDefined', schemaVersion: 1, aggregate: 'result', event: 'result-defined', schema: resultDefinedV1,
    partnerFacing: false, description: "A result (output, outcome or impact) was added to a project's results framework.",
  }),
  defineContract({
    type: 'IndicatorDefined', schemaVersion: 1, aggregate: 'result', event: 'indicator-defined', schema: indicatorDefinedV1,
    partnerFacing: false, description: 'An indicator measuring a result was defined, with its measure and direction.',
  }),
  defineContract({
    type: 'BaselineSet', schemaVersion: 1, aggregate: 'result', event: 'baseline-set', schema: baselineSetV1,
    partnerFacing: false, description: 'The baseline value of an indicator was set for a year.',
  }),
  defineContract({
    type: 'TargetSet', schemaVersion: 1, aggregate: 'result', event: 'target-set', schema: targetSetV1,
    partnerFacing: false, description: 'The target value of an indicator was set for a period.',
  }),
  defineContract({
    type: 'ActualReported', schemaVersion: 1, aggregate: 'result', event: 'actual-reported', schema: actualReportedV1,
    partnerFacing: false, description: 'An actual value of an indicator was reported for a period, not yet verified.',
  }),
  defineContract({
    type: 'ActualVerified', schemaVersion: 1, aggregate: 'result', event: 'actual-verified', schema: actualVerifiedV1,
    partnerFacing: true, description: 'A reported actual value of an indicator was verified; it carries the value.',
  }),
  defineContract({
    type: 'ActualRejected', schemaVersion: 1, aggregate: 'result', event: 'actual-rejected', schema: actualRejectedV1,
    partnerFacing: false, description: 'A reported actual value of an indicator was rejected.',
  }),

  // Contract packages: one stream per procurement package, from plan to completion or termination.
  defineContract({
    type: 'ProcurementPackagePlanned', schemaVersion: 1, aggregate: 'contract', event: 'package-planned', schema: procurementPackagePlannedV1,
    partnerFacing: false, description: 'A procurement package of a project was planned, with its method, estimated value and planned award date.',
  }),
  defineContract({
    type: 'ContractAwarded', schemaVersion: 1, aggregate: 'contract', event: 'awarded', schema: contractAwardedV1,
    partnerFacing: true, description: 'The contract of a procurement package was awarded to a contractor.',
  }),
  defineContract({
    type: 'ContractVariationApproved', schemaVersion: 1, aggregate: 'contract', event: 'variation-approved', schema: contractVariationApprovedV1,
    partnerFacing: false, description: 'A variation changing the value of an awarded contract was approved.',
  }),
  defineContract({
    type: 'ContractCompleted', schemaVersion: 1, aggregate: 'contract', event: 'completed', schema: contractCompletedV1,
    partnerFacing: false, description: 'An awarded contract was completed.',
  }),
  defineContract({
    type: 'ContractTerminated', schemaVersion: 1, aggregate: 'contract', event: 'terminated', schema: contractTerminatedV1,
    partnerFacing: false, description: 'An awarded contract was terminated before completion.',
  }),

  // Performance reviews: one stream per project and quarter.
  defineContract({
    type: 'PerformanceRated', schemaVersion: 1, aggregate: 'performance', event: 'rated', schema: performanceRatedV1,
    partnerFacing: true, description: 'A project was rated for a quarter, per dimension and overall, under recorded thresholds.',
  }),
  defineContract({
    type: 'IssueRaised', schemaVersion: 1, aggregate: 'performance', event: 'issue-raised', schema: issueRaisedV1,
    partnerFacing: false, description: 'An implementation issue of a project was raised in a quarterly review.',
  }),
  defineContract({
    type: 'IssueResolved', schemaVersion: 1, aggregate: 'performance', event: 'issue-resolved', schema: issueResolvedV1,
    partnerFacing: false, description: 'An implementation issue of a project was resolved.',
  }),
  defineContract({
    type: 'RiskRegistered', schemaVersion: 1, aggregate: 'performance', event: 'risk-registered', schema: riskRegisteredV1,
    partnerFacing: false, description: 'A risk to a project was registered, with its likelihood, impact and mitigation.',
  }),

  // Programme-wide events: on the programme topic, keyed by the programme id.
  defineContract({
    type: 'ProgrammeRegistered', schemaVersion: 1, aggregate: 'programme', event: 'registered', schema: programmeRegisteredV1,
    partnerFacing: false, description: 'The programme was registered, with its names, aliases and clusters.',
    topics: 'programme',
  }),
  defineContract({
    type: 'ProgrammeTargetSet', schemaVersion: 1, aggregate: 'programme', event: 'target-set', schema: programmeTargetSetV1,
    partnerFacing: false, description: 'A sourced target of a programme KPI was set for a year or a date.',
    topics: 'programme',
  }),
  defineContract({
    type: 'ProgrammeKpiObserved', schemaVersion: 1, aggregate: 'programme', event: 'kpi-observed', schema: programmeKpiObservedV1,
    partnerFacing: false, description: 'A sourced value of a programme KPI was observed for a year or a date.',
    topics: 'programme',
  }),
  defineContract({
    type: 'GovernanceMeetingRecorded', schemaVersion: 1, aggregate: 'programme', event: 'governance-meeting-recorded', schema: governanceMeetingRecordedV1,
    partnerFacing: true, description: 'A meeting of a governance body of the programme was recorded, with its decisions.',
    topics: 'programme',
  }),
  defineContract({
    type: 'DecisionActionAssigned', schemaVersion: 1, aggregate: 'programme', event: 'decision-action-assigned', schema: decisionActionAssignedV1,
    partnerFacing: false, description: 'A follow-up action of a governance decision was assigned to an organisation, with a due date.',
    topics: 'programme',
  }),
  defineContract({
    type: 'DecisionActionCompleted', schemaVersion: 1, aggregate: 'programme', event: 'decision-action-completed', schema: decisionActionCompletedV1,
    partnerFacing: false, description: 'A follow-up action of a governance decision was completed.',
    topics: 'programme',
  }),

  // The organisation reference list: on the programme topic, keyed by the organisation id.
  defineContract({
    type: 'OrganisationRegistered', schemaVersion: 1, aggregate: 'organisation', event: 'registered', schema: organisationRegisteredV1,
    partnerFacing: false, description: 'An organisation joined the reference list, valid from its effective date.',
    topics: 'programme',
  }),
  defineContract({
    type: 'OrganisationRenamed', schemaVersion: 1, aggregate: 'organisation', event: 'renamed', schema: organisationRenamedV1,
    partnerFacing: false, description: 'An organisation of the reference list was renamed.',
    topics: 'programme',
  }),
  defineContract({
    type: 'OrganisationMerged', schemaVersion: 1, aggregate: 'organisation', event: 'merged', schema: organisationMergedV1,
    partnerFacing: false, description: 'An organisation was merged into another; it is valid until the effective date.',
    topics: 'programme',
  }),

  // Exchange rates (reference data): one stream per currency, exchange-rates-<currency>, subject exchange-rates.
  defineContract({
    type: 'ExchangeRateRecorded', schemaVersion: 1, aggregate: 'exchange-rates', event: 'rate-recorded', schema: exchangeRateRecordedV1,
    partnerFacing: false, description: 'The US-dollar value of one unit of a currency on a date was recorded, or corrected (correctsRate).',
    topics: 'programme',
  }),
];

export const EVENT_REGISTRY = createEventRegistry(EVENT_CONTRACTS);

export function contractForStoredType(type: string, schemaVersion: number): EventContract {
  return EVENT_REGISTRY.forStoredType(type, schemaVersion);
}

export function contractForCeType(ceType: string): EventContract {
  return EVENT_REGISTRY.forCeType(ceType);
}

/** The newest version of a stored event type. */
export function latestContract(type: string): EventContract {
  return EVENT_REGISTRY.latest(type);
}

/**
 * Brings an event read from Kafka or the PostgreSQL log to the newest version of its type, so readers
 * handle one shape only. Call it after `decodeCloudEvent`.
 */
export function upcast(event: PortfolioEvent): PortfolioEvent {
  return EVENT_REGISTRY.upcast(event);
}

/** The `ce_dataschema` of an event version; also the `$id` of its published JSON Schema. */
export function dataSchemaUrn(contract: Pick<EventContract, 'ceType'>): string {
  return `urn:ecab:schema:${contract.ceType}`;
}
