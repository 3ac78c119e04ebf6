import type { Event, EventPublication } from '../decider/decider.js';
import type { Cluster } from '../cluster/cluster.js';
import type { CountryShare } from '../recipient-countries/country-shares.js';
import type { Coded } from '../code-lists/coded.js';
import type { ActivityDateTypeCode, ActivityStatusCode, BudgetStatusCode, BudgetTypeCode, RelatedActivityTypeCode } from '../code-lists/iati-code-lists.js';
import type { DatePeriod } from '../dates/date-period.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { PolicyMarker } from '../policy-markers/policy-marker-set.js';
import type { ProjectSector } from '../sectors/sector-set.js';
import type { Source } from '../sourcing/source.js';
import type { ProjectStage } from './project-stage.js';

export type ProjectRegistered = Event<
  'ProjectRegistered',
  {
    projectId: string;
    title: string;
    cluster: Cluster;
    countries: readonly CountryShare[];
    /** When it happened in the world (YYYY-MM-DD). Absent only on events recorded before it existed. */
    effectiveDate?: string;
  }
>;

/**
 * Money on the project stream, recorded before money lived on financing agreements; no longer recorded
 * (the shorthand writes AgreementCommitmentRecorded on the project's agreement with the financier).
 * Stored rows are v1; readers see v2, which names the shorthand agreement `<projectId>~<financier>`
 * and the transaction id (= commitmentId), and count it exactly like an AgreementCommitmentRecorded.
 */
export type CommitmentRecorded = Event<
  'CommitmentRecorded',
  {
    projectId: string;
    commitmentId: string;
    /** v2: the shorthand agreement the commitment counts under. */
    agreementId: string;
    /** v2: = commitmentId. */
    transactionId: string;
    /** Canonical decimal string with exactly the currency's minor-unit decimals. */
    amount: string;
    currency: string;
    valueDate: string;
    financier: string;
    /** Equals valueDate. Absent only on events recorded before it existed. */
    effectiveDate?: string;
  }
>;

/** Like CommitmentRecorded: no longer recorded; v2 counts it exactly like a FundsReceived (IATI 1) under `agreementId`. */
export type DisbursementRecorded = Event<
  'DisbursementRecorded',
  {
    projectId: string;
    disbursementId: string;
    /** v2: the shorthand agreement the disbursement counts under. */
    agreementId: string;
    /** v2: = disbursementId. */
    transactionId: string;
    amount: string;
    currency: string;
    valueDate: string;
    financier: string;
    /** Equals valueDate. Absent only on events recorded before it existed. */
    effectiveDate?: string;
  }
>;

/** Data every event added after v1 of the project carries: whose, and when it happened in the world. */
export interface ProjectFact {
  projectId: string;
  effectiveDate: string;
}

export type ProjectIdentifierAssigned = Event<
  'ProjectIdentifierAssigned',
  ProjectFact & {
    iatiIdentifier: string;
    reportingOrgRef: string;
    localId: string;
    /** Set when a correction replaced a published identifier; that one became other-identifier A3. */
    supersededIdentifier?: string;
    correctionReason?: string;
  }
>;
export type ProjectPublished = Event<'ProjectPublished', ProjectFact & { iatiIdentifier: string }>;
export type OtherIdentifierAdded = Event<
  'OtherIdentifierAdded',
  ProjectFact & { ref: string; identifierType: Coded; kind?: string; owner?: OrganisationReference }
>;
export type ProjectTitlesSet = Event<'ProjectTitlesSet', ProjectFact & { titles: LocalizedNames }>;
export type ProjectSectorsSet = Event<'ProjectSectorsSet', ProjectFact & { sectors: readonly ProjectSector[] }>;
export type PolicyMarkersSet = Event<'PolicyMarkersSet', ProjectFact & { markers: readonly PolicyMarker[] }>;
export type RecipientCountriesSet = Event<'RecipientCountriesSet', ProjectFact & { countries: readonly CountryShare[] }>;
export type LocationAdded = Event<
  'LocationAdded',
  ProjectFact & { locationId: string; name: string; point?: { latitude: number; longitude: number }; description?: string }
>;
export type ParticipantAssigned = Event<'ParticipantAssigned', ProjectFact & { organisation: OrganisationReference; role: Coded; organisationType?: Coded }>;
export type ProjectDateRecorded = Event<'ProjectDateRecorded', ProjectFact & { dateType: Coded<ActivityDateTypeCode>; date: string; source?: Source }>;
export type ProjectApproved = Event<
  'ProjectApproved',
  ProjectFact & { approvalDate: string; stage: 'approved'; approvedBy?: OrganisationReference; source?: Source }
>;
/** Every status move, whichever command asked for it; `stage` is derived from the new status. */
export type ProjectStatusChanged = Event<
  'ProjectStatusChanged',
  ProjectFact & {
    from: Coded<ActivityStatusCode>;
    to: Coded<ActivityStatusCode>;
    stage: ProjectStage;
    reason?: string;
    /** True when a correction overrode the transition rules (e.g. reopening a closed project). */
    correction?: boolean;
  }
>;
export type RelatedActivityLinked = Event<
  'RelatedActivityLinked',
  ProjectFact & { relatedActivityId: string; relationType: Coded<RelatedActivityTypeCode>; checkpoint?: string }
>;
export type BudgetRecorded = Event<
  'BudgetRecorded',
  ProjectFact & {
    budgetId: string;
    budgetType: Coded<BudgetTypeCode>;
    budgetStatus: Coded<BudgetStatusCode>;
    period: DatePeriod;
    amount: string;
    currency: string;
    valueDate: string;
    source?: Source;
  }
>;
export type DocumentLinkAdded = Event<
  'DocumentLinkAdded',
  ProjectFact & {
    documentId: string;
    url: string;
    format: string;
    title: LocalizedNames;
    category: Coded;
    language?: Coded;
    documentDate?: string;
    source?: Source;
  }
>;

export type ProjectEvent =
  | ProjectRegistered
  | CommitmentRecorded
  | DisbursementRecorded
  | ProjectIdentifierAssigned
  | ProjectPublished
  | OtherIdentifierAdded
  | ProjectTitlesSet
  | ProjectSectorsSet
  | PolicyMarkersSet
  | RecipientCountriesSet
  | LocationAdded
  | ParticipantAssigned
  | ProjectDateRecorded
  | ProjectApproved
  | ProjectStatusChanged
  | RelatedActivityLinked
  | BudgetRecorded
  | DocumentLinkAdded;
export type ProjectEventType = ProjectEvent['type'];

/** Schema version of each event's data; bump it (and add an upcaster) when the data changes shape. */
export const PROJECT_EVENT_SCHEMA_VERSION = {
  ProjectRegistered: 1,
  CommitmentRecorded: 2,
  DisbursementRecorded: 2,
  ProjectIdentifierAssigned: 1,
  ProjectPublished: 1,
  OtherIdentifierAdded: 1,
  ProjectTitlesSet: 1,
  ProjectSectorsSet: 1,
  PolicyMarkersSet: 1,
  RecipientCountriesSet: 1,
  LocationAdded: 1,
  ParticipantAssigned: 1,
  ProjectDateRecorded: 1,
  ProjectApproved: 1,
  ProjectStatusChanged: 1,
  RelatedActivityLinked: 1,
  BudgetRecorded: 1,
  DocumentLinkAdded: 1,
} as const satisfies Record<ProjectEventType, number>;

/**
 * How each event is published (docs/DOMAIN.md §3.2): its public name in `ecab.project.<event>.v<N>` and
 * whether partners may rely on it. Descriptive data (identifier, titles, sectors…) is draft until the
 * project is validated and published, so partners get it from the snapshot API, not as events.
 */
export const PROJECT_EVENT_PUBLICATION = {
  ProjectRegistered: { event: 'registered', partnerFacing: true },
  CommitmentRecorded: { event: 'commitment-recorded', partnerFacing: true },
  DisbursementRecorded: { event: 'disbursement-recorded', partnerFacing: true },
  ProjectIdentifierAssigned: { event: 'identifier-assigned', partnerFacing: false },
  ProjectPublished: { event: 'published', partnerFacing: false },
  OtherIdentifierAdded: { event: 'other-identifier-added', partnerFacing: false },
  ProjectTitlesSet: { event: 'titles-set', partnerFacing: false },
  ProjectSectorsSet: { event: 'sectors-set', partnerFacing: false },
  PolicyMarkersSet: { event: 'policy-markers-set', partnerFacing: false },
  RecipientCountriesSet: { event: 'recipient-countries-set', partnerFacing: false },
  LocationAdded: { event: 'location-added', partnerFacing: false },
  ParticipantAssigned: { event: 'participant-assigned', partnerFacing: false },
  ProjectDateRecorded: { event: 'date-recorded', partnerFacing: true },
  ProjectApproved: { event: 'approved', partnerFacing: true },
  ProjectStatusChanged: { event: 'status-changed', partnerFacing: true },
  RelatedActivityLinked: { event: 'related-activity-linked', partnerFacing: false },
  BudgetRecorded: { event: 'budget-recorded', partnerFacing: false },
  DocumentLinkAdded: { event: 'document-link-added', partnerFacing: false },
} as const satisfies Record<ProjectEventType, EventPublication>;

export const PROJECT_EVENT_TYPES = Object.keys(PROJECT_EVENT_SCHEMA_VERSION) as ProjectEventType[];

/** The CloudEvents `type` partners see, e.g. `ecab.project.commitment-recorded.v1`. */
export function projectCloudEventType(type: ProjectEventType): string {
  return `ecab.project.${PROJECT_EVENT_PUBLICATION[type].event}.v${PROJECT_EVENT_SCHEMA_VERSION[type]}`;
}
