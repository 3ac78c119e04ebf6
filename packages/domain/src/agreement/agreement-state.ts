import { toMinorUnits } from '../money/money.js';
import type { CommitmentRecorded, DisbursementRecorded } from '../project/events.js';
import type { AgreementEvent, AgreementTransactionEventType } from './events.js';

/** One recorded transaction, kept so that a reversal can undo exactly it. */
export interface RecordedTransaction {
  readonly eventType: AgreementTransactionEventType;
  readonly amount: string;
  readonly currency: string;
  /** Signed minor units as they count towards the balances (cancellations count negative). */
  readonly minorUnits: bigint;
  readonly reversed: boolean;
}

export interface SignedAgreement {
  readonly exists: true;
  readonly agreementId: string;
  readonly projectId: string;
  /** `signature` (AgreementSigned) or `shorthand` (AgreementOpened by the project-level shorthand). */
  readonly openedBy: 'signature' | 'shorthand';
  /** The signing date; for a shorthand agreement the date it was opened. */
  readonly signedDate: string;
  readonly effectivenessDate: string | undefined;
  readonly closingDate: string | undefined;
  readonly transactions: ReadonlyMap<string, RecordedTransaction>;
  readonly plannedDisbursementIds: ReadonlySet<string>;
}

/**
 * No agreement event yet. A shorthand agreement id may already carry money: the project-stream
 * commitments and disbursements recorded before agreements existed (upcast to v2, they name it).
 */
export interface UnopenedAgreement {
  readonly exists: false;
  readonly transactions?: ReadonlyMap<string, RecordedTransaction>;
}

export type AgreementState = UnopenedAgreement | SignedAgreement;

export function initialAgreementState(): AgreementState {
  return { exists: false };
}

function recorded<S extends AgreementState>(state: S, id: string, eventType: AgreementTransactionEventType, amount: string, currency: string): S {
  const { minorUnits } = toMinorUnits({ amount, currency });
  const signed = eventType === 'FundsCancelled' ? -minorUnits : minorUnits;
  return { ...state, transactions: new Map(state.transactions ?? []).set(id, { eventType, amount, currency, minorUnits: signed, reversed: false }) } as S;
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  if (event.type === 'AgreementOpened') {
    // Opened on the value date of its first money, without signature or effectiveness of its own.
    return {
      exists: true,
      agreementId: event.data.agreementId,
      projectId: event.data.projectId,
      openedBy: 'shorthand',
      signedDate: event.data.effectiveDate,
      effectivenessDate: event.data.effectiveDate,
      closingDate: undefined,
      transactions: new Map(state.transactions ?? []),
      plannedDisbursementIds: new Set(),
    };
  }
  if (event.type === 'AgreementSigned') {
    return {
      exists: true,
      agreementId: event.data.agreementId,
      projectId: event.data.projectId,
      openedBy: 'signature',
      signedDate: event.data.signedDate,
      effectivenessDate: undefined,
      closingDate: event.data.closingDate,
      transactions: new Map(),
      plannedDisbursementIds: new Set(),
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AgreementDeclaredEffective':
      return { ...state, effectivenessDate: event.data.effectivenessDate };
    case 'ClosingDateExtended':
      return { ...state, closingDate: event.data.closingDate };
    case 'PlannedDisbursementScheduled':
      return { ...state, plannedDisbursementIds: new Set(state.plannedDisbursementIds).add(event.data.plannedDisbursementId) };
    case 'TransactionReversed': {
      const original = state.transactions.get(event.data.transactionId);
      if (original === undefined) return state;
      return { ...state, transactions: new Map(state.transactions).set(event.data.transactionId, { ...original, reversed: true }) };
    }
    default:
      return recorded(state, event.data.transactionId, event.type, event.data.amount, event.data.currency);
  }
}

/** A project-stream commitment or disbursement of before agreements, as readers see it (v2). */
export type LegacyProjectMoney = CommitmentRecorded | DisbursementRecorded;

/**
 * Folds a project-stream commitment (IATI 11) or disbursement (IATI 1) recorded before money lived on
 * agreements into the state of the shorthand agreement it belongs to, so that the agreement's rules
 * (disbursed ≤ committed, unique transaction ids, reversals) count it like its own money. Stored rows
 * are v1: the transaction id is the commitment or disbursement id. Two old ids may coincide across
 * the two kinds; the second is then kept under `<id>#<event type>` so that both still count.
 */
export function evolveAgreementWithProjectMoney(state: AgreementState, event: LegacyProjectMoney): AgreementState {
  const eventType: AgreementTransactionEventType = event.type === 'CommitmentRecorded' ? 'AgreementCommitmentRecorded' : 'FundsReceived';
  const data = event.data as { commitmentId?: string; disbursementId?: string; transactionId?: string; amount: string; currency: string };
  const id = data.transactionId ?? (event.type === 'CommitmentRecorded' ? data.commitmentId : data.disbursementId) ?? '';
  const key = state.transactions?.has(id) ? `${id}#${eventType}` : id;
  return recorded(state, key, eventType, data.amount, data.currency);
}
