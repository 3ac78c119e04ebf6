import type { Coded } from '../code-lists/coded.js';
import type { DatePeriod } from '../dates/date-period.js';
import type { Event, EventPublication } from '../decider/decider.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';
import type { AgreementInstrument } from './instrument.js';
import type { ReversalReasonCode } from './reversal-reasons.js';

export interface AgreementFact {
  agreementId: string;
  projectId: string;
  /** When it happened in the world; for money movements the value date. */
  effectiveDate: string;
}

/** A recorded money movement: canonical amount (the currency's minor-unit decimals) and its IATI transaction type. */
export interface AgreementTransaction extends AgreementFact {
  transactionId: string;
  transactionType: Coded;
  amount: string;
  currency: string;
  valueDate: string;
  source?: Source;
}

export type AgreementSigned = Event<
  'AgreementSigned',
  AgreementFact & {
    agreementNumber: string;
    financier: OrganisationReference;
    instrument: AgreementInstrument;
    financeType: Coded;
    flowType: Coded;
    aidType: Coded;
    amount: string;
    currency: string;
    signedDate: string;
    closingDate?: string;
    providerActivityId?: string;
    source?: Source;
  }
>;
/**
 * The project-level shorthand (`POST /projects/{id}/commitments` or `…/disbursements`) found no agreement
 * of the project with that financier and opened one, `<projectId>~<financierRef>`: no signature, no
 * number, effective from `effectiveDate` (the value date of its first money). `financier.ref` is the
 * financier as the shorthand named it (usually an IATI organisation id).
 */
export type AgreementOpened = Event<'AgreementOpened', AgreementFact & { financier: { ref: string; name?: string }; currency: string; openedBy: 'shorthand' }>;
export type AgreementDeclaredEffective = Event<'AgreementDeclaredEffective', AgreementFact & { effectivenessDate: string; source?: Source }>;
export type AgreementCommitmentRecorded = Event<'AgreementCommitmentRecorded', AgreementTransaction>;
/** `amount` is signed: "-500000.00" for a decrease. */
export type CommitmentAmended = Event<'CommitmentAmended', AgreementTransaction & { reason: string }>;
export type FundsCancelled = Event<'FundsCancelled', AgreementTransaction & { reason: string }>;
export type ClosingDateExtended = Event<
  'ClosingDateExtended',
  AgreementFact & { previousClosingDate?: string; closingDate: string; reason: string; source?: Source }
>;
export type PlannedDisbursementScheduled = Event<
  'PlannedDisbursementScheduled',
  AgreementFact & { plannedDisbursementId: string; period: DatePeriod; amount: string; currency: string }
>;
export type FundsReceived = Event<'FundsReceived', AgreementTransaction>;
export type AgreementDisbursementRecorded = Event<'AgreementDisbursementRecorded', AgreementTransaction & { receiver?: OrganisationReference }>;
export type ExpenditureRecorded = Event<'ExpenditureRecorded', AgreementTransaction & { receiver?: OrganisationReference }>;
/** Undoes one recorded transaction in full; partners receive it as a correction. */
export type TransactionReversed = Event<
  'TransactionReversed',
  AgreementFact & {
    transactionId: string;
    reversedEventType: AgreementTransactionEventType;
    /** The reversed amount, as recorded (signed for amendments). */
    amount: string;
    currency: string;
    reasonCode: ReversalReasonCode;
    source: Source;
    note?: string;
  }
>;

export type AgreementTransactionEvent =
  AgreementCommitmentRecorded | CommitmentAmended | FundsCancelled | FundsReceived | AgreementDisbursementRecorded | ExpenditureRecorded;
export type AgreementTransactionEventType = AgreementTransactionEvent['type'];

export type AgreementEvent =
  | AgreementSigned
  | AgreementOpened
  | AgreementDeclaredEffective
  | AgreementTransactionEvent
  | ClosingDateExtended
  | PlannedDisbursementScheduled
  | TransactionReversed;
export type AgreementEventType = AgreementEvent['type'];

export const AGREEMENT_EVENT_SCHEMA_VERSION = {
  AgreementSigned: 1,
  AgreementOpened: 1,
  AgreementDeclaredEffective: 1,
  AgreementCommitmentRecorded: 1,
  CommitmentAmended: 1,
  FundsCancelled: 1,
  ClosingDateExtended: 1,
  PlannedDisbursementScheduled: 1,
  FundsReceived: 1,
  AgreementDisbursementRecorded: 1,
  ExpenditureRecorded: 1,
  TransactionReversed: 1,
} as const satisfies Record<AgreementEventType, number>;

/** docs/DOMAIN.md §3.2: agreements signed or effective, commitments, cancellations, disbursements and reversals go to partners. */
export const AGREEMENT_EVENT_PUBLICATION = {
  AgreementSigned: { event: 'signed', partnerFacing: true },
  AgreementOpened: { event: 'opened', partnerFacing: true },
  AgreementDeclaredEffective: { event: 'declared-effective', partnerFacing: true },
  AgreementCommitmentRecorded: { event: 'commitment-recorded', partnerFacing: true },
  CommitmentAmended: { event: 'commitment-amended', partnerFacing: true },
  FundsCancelled: { event: 'funds-cancelled', partnerFacing: true },
  ClosingDateExtended: { event: 'closing-date-extended', partnerFacing: true },
  PlannedDisbursementScheduled: { event: 'planned-disbursement-scheduled', partnerFacing: false },
  FundsReceived: { event: 'funds-received', partnerFacing: true },
  AgreementDisbursementRecorded: { event: 'disbursement-recorded', partnerFacing: true },
  ExpenditureRecorded: { event: 'expenditure-recorded', partnerFacing: true },
  TransactionReversed: { event: 'transaction-reversed', partnerFacing: true },
} as const satisfies Record<AgreementEventType, EventPublication>;
