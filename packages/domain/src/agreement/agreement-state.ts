import { toMinorUnits } from '../money/money.js';
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
  readonly signedDate: string;
  readonly effectivenessDate: string | undefined;
  readonly closingDate: string | undefined;
  readonly transactions: ReadonlyMap<string, RecordedTransaction>;
  readonly plannedDisbursementIds: ReadonlySet<string>;
}

export type AgreementState = { readonly exists: false } | SignedAgreement;

export function initialAgreementState(): AgreementState {
  return { exists: false };
}

function recorded(state: SignedAgreement, id: string, eventType: AgreementTransactionEventType, amount: string, currency: string): SignedAgreement {
  const { minorUnits } = toMinorUnits({ amount, currency });
  const signed = eventType === 'FundsCancelled' ? -minorUnits : minorUnits;
  return { ...state, transactions: new Map(state.transactions).set(id, { eventType, amount, currency, minorUnits: signed, reversed: false }) };
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  if (event.type === 'AgreementSigned') {
    return {
      exists: true,
      agreementId: event.data.agreementId,
      projectId: event.data.projectId,
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
