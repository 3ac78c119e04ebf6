import type { LocalizedNames, Narrative } from './narratives.js';

/** The reporting organisation: who publishes the file (ECAB's portfolio secretariat), configured. */
export interface ReportingOrg {
  ref: string;
  type: string;
  names: LocalizedNames;
}

/** Marks a value taken from an illustrative source (only present with ?include=illustrative). */
export interface Marked {
  illustrative?: boolean | undefined;
}

export interface IatiOrg {
  ref?: string | undefined;
  type?: string | undefined;
  name?: string | undefined;
}

/** One IATI 2.03 activity, element by element, in the schema's order. */
export interface IatiActivity {
  /** The portfolio's own id (project or programme id): how the checks name it. */
  localId: string;
  identifier: string;
  hierarchy: 1 | 2 | 3;
  lastUpdated: string;
  defaultCurrency: string;
  title: Narrative[];
  descriptions: { type: string; narratives: Narrative[] }[];
  participatingOrgs: (IatiOrg & Marked & { role: string; activityId?: string | undefined })[];
  otherIdentifiers: { ref: string; type: string; owner?: IatiOrg | undefined }[];
  status: string;
  dates: ({ type: string; isoDate: string } & Marked)[];
  recipientCountries: { code: string; percentage: number }[];
  recipientRegions: { code: string; vocabulary: string; percentage: number }[];
  locations: { ref: string; name: string; description?: string | undefined; point?: { latitude: number; longitude: number } | undefined }[];
  sectors: { vocabulary: string; code: string; percentage: number; narrative?: string | undefined }[];
  policyMarkers: { code: string; significance: string }[];
  budgets: IatiBudget[];
  plannedDisbursements: { start: string; end: string; value: IatiValue; provider?: IatiOrg | undefined }[];
  transactions: IatiTransaction[];
  documentLinks: IatiDocumentLink[];
  relatedActivities: { ref: string; type: string }[];
  results: IatiResult[];
}

export interface IatiValue {
  amount: string;
  currency: string;
  valueDate: string;
}

export interface IatiBudget extends Marked {
  /** IATI BudgetType: 1 original, 2 revised. */
  type: string;
  /** IATI BudgetStatus: 1 indicative, 2 committed. */
  status: string;
  start: string;
  end: string;
  value: IatiValue;
}

export interface IatiDocumentLink extends Marked {
  url: string;
  /** IANA media type. */
  format: string;
  title: Narrative[];
  /** IATI DocumentCategory. */
  category: string;
  language?: string | undefined;
  documentDate?: string | undefined;
}

export interface IatiTransaction extends Marked {
  ref: string;
  type: string;
  date: string;
  value: IatiValue;
  description?: string | undefined;
  provider?: (IatiOrg & { activityId?: string | undefined }) | undefined;
  receiver?: IatiOrg | undefined;
  flowType?: string | undefined;
  financeType?: string | undefined;
  aidType?: string | undefined;
}

export interface IatiResult {
  type: string;
  title: string;
  indicators: IatiIndicator[];
}

export interface IatiIndicator {
  measure: string;
  ascending: boolean;
  title: string;
  unit?: string | undefined;
  baseline?: ({ year: number; value: string } & Marked) | undefined;
  periods: { start: string; end: string; target?: ({ value: string } & Marked) | undefined; actual?: ({ value: string } & Marked) | undefined }[];
}

/** Measure 5: the values are text, not numbers. */
export const QUALITATIVE = '5';
