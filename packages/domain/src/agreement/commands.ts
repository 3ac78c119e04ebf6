import type { Command } from '../decider/decider.js';
import type { DatePeriod } from '../dates/date-period.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';

/** A money movement under the agreement: decimal string amount, ISO 4217 currency, value date (not in the future). */
export interface AgreementTransactionInput {
  agreementId: string;
  transactionId: string;
  amount: string;
  currency: string;
  valueDate: string;
  source?: Source;
}

export type SignAgreement = Command<
  'SignAgreement',
  {
    agreementId: string;
    projectId: string;
    /** The financier's number, e.g. ADB grant 0900-KGZ or loan 4321-KGZ. */
    agreementNumber: string;
    financier: OrganisationReference;
    instrument: string;
    /** IATI FinanceType 110 grant / 421 loan; FlowType 10 ODA / 21 OOF; AidType C01 project / D02 TA. */
    financeType: string;
    flowType: string;
    aidType: string;
    amount: string;
    currency: string;
    signedDate: string;
    closingDate?: string;
    /** The financier's IATI activity, e.g. XM-DAC-46004-54439-001. */
    providerActivityId?: string;
    source?: Source;
  }
>;
export type DeclareAgreementEffective = Command<'DeclareAgreementEffective', { agreementId: string; effectivenessDate: string; source?: Source }>;
/** IATI 11 Incoming Commitment. */
export type RecordAgreementCommitment = Command<'RecordAgreementCommitment', AgreementTransactionInput>;
export type AmendCommitment = Command<'AmendCommitment', AgreementTransactionInput & { change: 'increase' | 'decrease'; reason: string }>;
export type CancelFunds = Command<'CancelFunds', AgreementTransactionInput & { reason: string }>;
export type ExtendClosingDate = Command<'ExtendClosingDate', { agreementId: string; closingDate: string; reason: string; source?: Source } & EffectiveDated>;
export type SchedulePlannedDisbursement = Command<
  'SchedulePlannedDisbursement',
  { agreementId: string; plannedDisbursementId: string; period: DatePeriod; amount: string; currency: string } & EffectiveDated
>;
/** IATI 1 Incoming Funds: what the financier released under the agreement, D(t). */
export type RecordFundsReceived = Command<'RecordFundsReceived', AgreementTransactionInput>;
/** IATI 3 Disbursement: paid on, to a contractor or implementer. */
export type RecordAgreementDisbursement = Command<'RecordAgreementDisbursement', AgreementTransactionInput & { receiver?: OrganisationReference }>;
/** IATI 4 Expenditure: spent directly on goods and services. */
export type RecordExpenditure = Command<'RecordExpenditure', AgreementTransactionInput & { receiver?: OrganisationReference }>;
/** A mistake is corrected by a reversal (and, if needed, a new record), never an edit. */
export type ReverseTransaction = Command<
  'ReverseTransaction',
  { agreementId: string; transactionId: string; reasonCode: string; source: Source; note?: string } & EffectiveDated
>;

/**
 * The project-level shorthands (`POST /projects/{id}/commitments` and `…/disbursements`): money of a
 * financier to a project, recorded on the project's agreement with that financier. The caller chooses
 * the agreement (`chooseFinancierAgreement`); when it is the shorthand one and has no events yet, it is
 * opened first. The ids become the transaction ids.
 */
export interface ShorthandMoneyInput {
  agreementId: string;
  projectId: string;
  /** Organisation id of the financier, e.g. XM-DAC-46004 (ADB). */
  financier: string;
  /** Decimal string, e.g. "1500000.00". */
  amount: string;
  currency: string;
  /** Value date, YYYY-MM-DD. */
  date: string;
}
/** IATI 11 Incoming Commitment, through the shorthand. */
export type RecordCommitment = Command<'RecordCommitment', ShorthandMoneyInput & { commitmentId: string }>;
/** IATI 1 Incoming Funds (money released, D(t)), through the shorthand. */
export type RecordDisbursement = Command<'RecordDisbursement', ShorthandMoneyInput & { disbursementId: string }>;

export type AgreementCommand =
  | SignAgreement
  | RecordCommitment
  | RecordDisbursement
  | DeclareAgreementEffective
  | RecordAgreementCommitment
  | AmendCommitment
  | CancelFunds
  | ExtendClosingDate
  | SchedulePlannedDisbursement
  | RecordFundsReceived
  | RecordAgreementDisbursement
  | RecordExpenditure
  | ReverseTransaction;
