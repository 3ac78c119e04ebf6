import type { Command } from '../decider/decider.js';
import type { CountryShare } from '../recipient-countries/country-shares.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { PolicyMarkerInput } from '../policy-markers/policy-marker-set.js';
import type { SectorShare } from '../sectors/sector-set.js';
import type { Source } from '../sourcing/source.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { Correction } from '../reasons/reason.js';
import type { DatePeriod } from '../dates/date-period.js';

/** Cluster is a string here: the rules check it, whatever the caller's schema let through. */
export type RegisterProject = Command<
  'RegisterProject',
  { projectId: string; title: string; cluster: string; countries: readonly CountryShare[]; effectiveDate?: string }
>;

/** IATI identifier `<reportingOrgRef>-<localId>`; after publication only a correction may change it. */
export type AssignIatiIdentifier = Command<
  'AssignIatiIdentifier',
  { projectId: string; reportingOrgRef: string; localId: string; correction?: Correction } & EffectiveDated
>;

/** The project's data has been validated and is published (IATI, partner snapshot): its identifier is frozen. */
export type PublishProject = Command<'PublishProject', { projectId: string } & EffectiveDated>;

/** ADB project, loan, grant or TA numbers and other ids (IATI other-identifier). */
export type AddOtherIdentifier = Command<
  'AddOtherIdentifier',
  {
    projectId: string;
    ref: string;
    /** IATI OtherIdentifierType, e.g. A1, A9, B9; A3 (previous identifier) only comes from a correction. */
    identifierType: string;
    /** What the id numbers for ADB users, e.g. "adb-project", "adb-loan", "adb-grant", "adb-ta". */
    kind?: string;
    owner?: OrganisationReference;
  } & EffectiveDated
>;

export type SetProjectTitles = Command<'SetProjectTitles', { projectId: string; titles: LocalizedNames } & EffectiveDated>;

/** Replaces the whole sector set. */
export type SetSectors = Command<'SetSectors', { projectId: string; sectors: readonly SectorShare[] } & EffectiveDated>;

/** Replaces the whole set of policy markers. */
export type SetPolicyMarkers = Command<'SetPolicyMarkers', { projectId: string; markers: readonly PolicyMarkerInput[] } & EffectiveDated>;

/** Replaces the whole set of recipient countries. */
export type SetRecipientCountries = Command<'SetRecipientCountries', { projectId: string; countries: readonly CountryShare[] } & EffectiveDated>;

export type AddLocation = Command<
  'AddLocation',
  {
    projectId: string;
    locationId: string;
    name: string;
    /** WGS 84 degrees. */
    point?: { latitude: number; longitude: number };
    /** e.g. the border checkpoint's or the akimat's name; free text. */
    description?: string;
  } & EffectiveDated
>;

export type AssignParticipant = Command<
  'AssignParticipant',
  { projectId: string; organisation: OrganisationReference; role: string; organisationType?: string } & EffectiveDated
>;

/** IATI activity-date: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export type RecordProjectDate = Command<'RecordProjectDate', { projectId: string; dateType: string; date: string; source?: Source } & EffectiveDated>;

/** Board (or government) approval: moves the stage to approved, never the IATI status. */
export type ApproveProject = Command<'ApproveProject', { projectId: string; approvalDate: string; approvedBy?: OrganisationReference; source?: Source }>;

export type ChangeProjectStatus = Command<
  'ChangeProjectStatus',
  { projectId: string; status: string; reason?: string; correction?: Correction } & EffectiveDated
>;
export type SuspendProject = Command<'SuspendProject', { projectId: string; reason: string } & EffectiveDated>;
export type ResumeProject = Command<'ResumeProject', { projectId: string; reason?: string } & EffectiveDated>;
export type CancelProject = Command<'CancelProject', { projectId: string; reason: string } & EffectiveDated>;
export type CloseProject = Command<'CloseProject', { projectId: string; reason?: string } & EffectiveDated>;

export type LinkRelatedActivity = Command<
  'LinkRelatedActivity',
  {
    projectId: string;
    /** The other activity's IATI identifier or portfolio project id. */
    relatedActivityId: string;
    /** IATI RelatedActivityType: 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party. */
    relationType: string;
    /** For a child per border checkpoint: the checkpoint it covers (at most one child each). */
    checkpoint?: string;
  } & EffectiveDated
>;

/** IATI budget: the project's own budget for a period of at most one year; budgets of one type do not overlap. */
export type RecordBudget = Command<
  'RecordBudget',
  {
    projectId: string;
    budgetId: string;
    /** IATI BudgetType: 1 original, 2 revised. */
    budgetType: string;
    /** IATI BudgetStatus: 1 indicative, 2 committed. */
    budgetStatus: string;
    period: DatePeriod;
    /** Decimal string, e.g. 1500000.00. */
    amount: string;
    currency: string;
    /** The date of the exchange rate to use for the value; the period's start when absent. */
    valueDate?: string;
    source?: Source;
  } & EffectiveDated
>;

/** IATI document-link: a public document about the project (its web page, appraisal, contract…). */
export type AddDocumentLink = Command<
  'AddDocumentLink',
  {
    projectId: string;
    documentId: string;
    /** An https address. */
    url: string;
    /** IANA media type, e.g. text/html, application/pdf. */
    format: string;
    title: LocalizedNames;
    /** IATI DocumentCategory, activity level: A01–A12. */
    category: string;
    /** IATI Language code of the document (en, ru, kk, ky). */
    language?: string;
    /** The document's publication date (YYYY-MM-DD). */
    documentDate?: string;
    source?: Source;
  } & EffectiveDated
>;

export type ProjectCommand =
  | RegisterProject
  | AssignIatiIdentifier
  | PublishProject
  | AddOtherIdentifier
  | SetProjectTitles
  | SetSectors
  | SetPolicyMarkers
  | SetRecipientCountries
  | AddLocation
  | AssignParticipant
  | RecordProjectDate
  | ApproveProject
  | ChangeProjectStatus
  | SuspendProject
  | ResumeProject
  | CancelProject
  | CloseProject
  | LinkRelatedActivity
  | RecordBudget
  | AddDocumentLink;
