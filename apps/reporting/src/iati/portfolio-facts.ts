import type { LocalizedNames } from './narratives.js';

/**
 * What the reports read, folded from reporting's copy of the events: the programme, the organisation
 * reference list, and per project its partner-facing facts. A project's descriptive data (titles, sectors,
 * participants, results framework, planned disbursements…) is internal until the project is published
 * (docs/DOMAIN.md §3.2; the contracts mark those events `partnerFacing: false`): partners see it as it stood
 * at the project's latest publication, the snapshot in `published`.
 */
export interface PortfolioFacts {
  programme: ProgrammeFacts | undefined;
  organisations: Map<string, OrganisationFacts>;
  projects: Map<string, ProjectFacts>;
  /** The recording time of the newest event read: what the file is "as of". */
  asOf: string | undefined;
}

export interface ProgrammeFacts {
  programmeId: string;
  names: LocalizedNames;
  aliases: string[];
  clusters: string[];
  effectiveDate: string;
  lastUpdated: string;
}

export interface OrganisationFacts {
  organisationId: string;
  names: LocalizedNames;
  iatiOrgId: string | undefined;
  type: string;
}

/** A fact with where it came from: `illustrative` values stay out of partner files unless asked for. */
export interface Sourced {
  illustrative: boolean;
}

export interface OrganisationRef {
  organisationId?: string | undefined;
  name?: string | undefined;
}

export interface ProjectFacts {
  projectId: string;
  cluster: string;
  title: string;
  countries: { code: string; percentage: number }[];
  status: string;
  dates: Map<string, { date: string } & Sourced>;
  agreements: Map<string, AgreementFacts>;
  transactions: TransactionFacts[];
  /** Verified actuals per indicator (partner-facing as soon as verified). */
  verifiedActuals: VerifiedActual[];
  /** Whether the reported actual behind a verification (indicator|start|end) was illustrative. */
  reportedActualIllustrative: Map<string, boolean>;
  /** Set by ProjectPublished: the identifier partners know it by, and the descriptive data as published. */
  published: { iatiIdentifier: string; descriptive: DescriptiveFacts } | undefined;
  /** The descriptive data as it stands now (internal until the next publication). */
  draft: DescriptiveFacts;
  lastUpdated: string;
}

export interface DescriptiveFacts {
  titles: LocalizedNames | undefined;
  sectors: { vocabulary: string; code: string; percentage: number }[];
  countries: { code: string; percentage: number }[] | undefined;
  policyMarkers: { code: string; significance: string }[];
  locations: { locationId: string; name: string; description?: string | undefined; point?: { latitude: number; longitude: number } | undefined }[];
  participants: { organisation: OrganisationRef; role: string; type?: string | undefined }[];
  relatedActivities: { relatedActivityId: string; type: string }[];
  otherIdentifiers: { ref: string; type: string; owner?: OrganisationRef | undefined }[];
  results: ResultFacts[];
  plannedDisbursements: PlannedDisbursementFacts[];
  budgets: BudgetFacts[];
  documentLinks: DocumentLinkFacts[];
}

export interface AgreementFacts extends Sourced {
  agreementId: string;
  financier: OrganisationRef;
  providerActivityId: string | undefined;
  financeType: string | undefined;
  flowType: string | undefined;
  aidType: string | undefined;
}

export interface TransactionFacts extends Sourced {
  agreementId: string;
  transactionId: string;
  /** IATI TransactionType code as the event recorded it (11, 1, 3, 4). */
  type: string;
  /** Signed decimal: reductions (cancellations, decreasing amendments, reversals) are negative. */
  amount: string;
  currency: string;
  date: string;
  valueDate: string;
  receiver: OrganisationRef | undefined;
  note: string | undefined;
  /** The event that recorded the movement (a reversal's own event): the lineage of the figures it counts in. */
  eventId: string;
}

export interface PlannedDisbursementFacts {
  agreementId: string;
  plannedDisbursementId: string;
  start: string;
  end: string;
  amount: string;
  currency: string;
}

/** A budget of the project (IATI budget), as recorded. */
export interface BudgetFacts extends Sourced {
  budgetId: string;
  /** IATI BudgetType: 1 original, 2 revised. */
  type: string;
  /** IATI BudgetStatus: 1 indicative, 2 committed. */
  status: string;
  start: string;
  end: string;
  amount: string;
  currency: string;
  valueDate: string;
}

/** A public document about the project (IATI document-link), as linked. */
export interface DocumentLinkFacts extends Sourced {
  documentId: string;
  url: string;
  format: string;
  title: LocalizedNames;
  category: string;
  language: string | undefined;
  documentDate: string | undefined;
}

export interface ResultFacts {
  resultId: string;
  type: string;
  title: string;
  indicators: IndicatorFacts[];
}

export interface IndicatorFacts {
  indicatorId: string;
  title: string;
  measure: string;
  ascending: boolean;
  unit: string | undefined;
  baseline: ({ year: number; value: string } & Sourced) | undefined;
  targets: ({ start: string; end: string; value: string } & Sourced)[];
}

export interface VerifiedActual extends Sourced {
  indicatorId: string;
  start: string;
  end: string;
  value: string;
}

export function emptyDescriptive(): DescriptiveFacts {
  return {
    titles: undefined,
    sectors: [],
    countries: undefined,
    policyMarkers: [],
    locations: [],
    participants: [],
    relatedActivities: [],
    otherIdentifiers: [],
    results: [],
    plannedDisbursements: [],
    budgets: [],
    documentLinks: [],
  };
}
