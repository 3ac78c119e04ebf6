import { IATI_CODELIST_VERSION, type CodeList } from './coded.js';

/** The parts of the IATI code lists the portfolio uses (docs/DOMAIN.md §4); full lists in apps/reporting/iati/codelists. */
const list = <Code extends string>(name: string, codes: Record<Code, string>): CodeList<Code> => ({ name, version: IATI_CODELIST_VERSION, codes });

export const ACTIVITY_STATUS = list('ActivityStatus', {
  '1': 'Pipeline/identification',
  '2': 'Implementation',
  '3': 'Finalisation',
  '4': 'Closed',
  '5': 'Cancelled',
  '6': 'Suspended',
});
export type ActivityStatusCode = keyof typeof ACTIVITY_STATUS.codes;

export const ACTIVITY_DATE_TYPE = list('ActivityDateType', { '1': 'Planned start', '2': 'Actual start', '3': 'Planned end', '4': 'Actual end' });
export type ActivityDateTypeCode = keyof typeof ACTIVITY_DATE_TYPE.codes;

export const ORGANISATION_ROLE = list('OrganisationRole', { '1': 'Funding', '2': 'Accountable', '3': 'Extending', '4': 'Implementing' });

export const ORGANISATION_TYPE = list('OrganisationType', {
  '10': 'Government',
  '11': 'Local Government',
  '15': 'Other Public Sector',
  '40': 'Multilateral',
  '70': 'Private Sector',
  '71': 'Private Sector in Provider Country',
  '72': 'Private Sector in Aid Recipient Country',
});

export const OTHER_IDENTIFIER_TYPE = list('OtherIdentifierType', {
  A1: "Reporting Organisation's internal activity identifier",
  A2: 'CRS Activity identifier',
  A3: 'Previous Activity Identifier',
  A4: 'FTS Flow ID',
  A9: 'Other Activity Identifier',
  B1: 'Previous Reporting Organisation Identifier',
  B9: 'Other Organisation Identifier',
});

export const RELATED_ACTIVITY_TYPE = list('RelatedActivityType', { '1': 'Parent', '2': 'Child', '3': 'Sibling', '4': 'Co-funded', '5': 'Third Party' });
export type RelatedActivityTypeCode = keyof typeof RELATED_ACTIVITY_TYPE.codes;

export const POLICY_MARKER = list('PolicyMarker', {
  '1': 'Gender Equality',
  '6': 'Aid Targeting the Objectives of the Framework Convention on Climate Change - Mitigation',
  '7': 'Aid Targeting the Objectives of the Framework Convention on Climate Change - Adaptation',
  '10': 'Disaster Risk Reduction(DRR)',
});

export const POLICY_SIGNIFICANCE = list('PolicySignificance', { '0': 'not targeted', '1': 'significant objective', '2': 'principal objective' });

export const SECTOR_VOCABULARY = list('SectorVocabulary', {
  '1': 'OECD DAC CRS Purpose Codes (5 digit)',
  '98': 'Reporting Organisation 2',
  '99': 'Reporting Organisation',
});
export type SectorVocabularyCode = keyof typeof SECTOR_VOCABULARY.codes;

export const RESULT_TYPE = list('ResultType', { '1': 'Output', '2': 'Outcome', '3': 'Impact', '9': 'Other' });
export const INDICATOR_MEASURE = list('IndicatorMeasure', { '1': 'Unit', '2': 'Percentage', '3': 'Nominal', '4': 'Ordinal', '5': 'Qualitative' });
export type IndicatorMeasureCode = keyof typeof INDICATOR_MEASURE.codes;

export const FINANCE_TYPE = list('FinanceType', { '110': 'Standard grant', '421': 'Standard loan' });
export const FLOW_TYPE = list('FlowType', { '10': 'ODA', '21': 'Non-export credit OOF' });
export const AID_TYPE = list('AidType', { C01: 'Project-type interventions', D02: 'Other technical assistance' });

export const TRANSACTION_TYPE = list('TransactionType', {
  '1': 'Incoming Funds',
  '2': 'Outgoing Commitment',
  '3': 'Disbursement',
  '4': 'Expenditure',
  '11': 'Incoming Commitment',
});
export type TransactionTypeCode = keyof typeof TRANSACTION_TYPE.codes;

export const BUDGET_TYPE = list('BudgetType', { '1': 'Original', '2': 'Revised' });
export type BudgetTypeCode = keyof typeof BUDGET_TYPE.codes;
export const BUDGET_STATUS = list('BudgetStatus', { '1': 'Indicative', '2': 'Committed' });
export type BudgetStatusCode = keyof typeof BUDGET_STATUS.codes;

/** The activity-level document categories (A01–A12); the B codes describe an organisation, not an activity. */
export const DOCUMENT_CATEGORY = list('DocumentCategory', {
  A01: 'Pre- and post-project impact appraisal',
  A02: 'Objectives / Purpose of activity',
  A03: 'Intended ultimate beneficiaries',
  A04: 'Conditions',
  A05: 'Budget',
  A06: 'Summary information about contract',
  A07: 'Review of project performance and evaluation',
  A08: 'Results, outcomes and outputs',
  A09: 'Memorandum of understanding (If agreed by all parties)',
  A10: 'Tender',
  A11: 'Contract',
  A12: 'Activity web page',
});

/** The languages a document may be in: the portfolio's four (IATI Language, ISO 639-1). */
export const LANGUAGE = list('Language', { en: 'English', ru: 'Russian', kk: 'Kazakh', ky: 'Kirghiz; Kyrgyz' });
