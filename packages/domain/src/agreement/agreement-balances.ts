import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { formatAmount, type MinorUnitAmount } from '../money/money.js';
import type { RecordedTransaction, SignedAgreement } from './agreement-state.js';
import type { AgreementTransactionEventType } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';

/** Per currency, in minor units: C (commitments + amendments − cancellations), D(t) (funds received), and payments (3 + 4). */
export interface AgreementBalances {
  readonly netCommitment: bigint;
  readonly fundsReceived: bigint;
  readonly payments: bigint;
}

const COMMITMENT_TYPES: readonly AgreementTransactionEventType[] = ['AgreementCommitmentRecorded', 'CommitmentAmended', 'FundsCancelled'];
const PAYMENT_TYPES: readonly AgreementTransactionEventType[] = ['AgreementDisbursementRecorded', 'ExpenditureRecorded'];

export function agreementBalances(transactions: Iterable<RecordedTransaction>, currency: string): AgreementBalances {
  let netCommitment = 0n;
  let fundsReceived = 0n;
  let payments = 0n;
  for (const t of transactions) {
    if (t.reversed || t.currency !== currency) continue;
    if (COMMITMENT_TYPES.includes(t.eventType)) netCommitment += t.minorUnits;
    else if (t.eventType === 'FundsReceived') fundsReceived += t.minorUnits;
    // Stryker disable next-line ConditionalExpression: equivalent: the commitment types and FundsReceived are handled above, so every remaining type is a payment type
    else if (PAYMENT_TYPES.includes(t.eventType)) payments += t.minorUnits;
  }
  return { netCommitment, fundsReceived, payments };
}

/** Whether anything is committed in `currency`: an amendment or a cancellation needs something to act on. */
export function hasCommitmentIn(agreement: SignedAgreement, currency: string): boolean {
  return agreementBalances(agreement.transactions.values(), currency).netCommitment > 0n;
}

/**
 * Disbursed ≤ committed, per currency (docs/DOMAIN.md §3.1): neither the funds released (IATI 1) nor the
 * payments made from them (3 and 4) may exceed the net commitment. Checked on the balances a
 * command would leave, so commitments, cancellations and reversals are held to it alike.
 */
export function checkBalancesAfter(agreement: SignedAgreement, change: RecordedTransaction, replacing?: string): void {
  const transactions = new Map(agreement.transactions);
  // Stryker disable next-line StringLiteral: equivalent: any key no transaction id can take works, and ids are never blank
  transactions.set(replacing ?? '\u0000new', change);
  const after = agreementBalances(transactions.values(), change.currency);
  const money = (minorUnits: bigint) => formatAmount({ currency: change.currency, minorUnits } as MinorUnitAmount);
  const details = {
    currency: change.currency,
    netCommitment: money(after.netCommitment),
    fundsReceived: money(after.fundsReceived),
    payments: money(after.payments),
  };
  // Stryker disable next-line EqualityOperator: equivalent: when both are equal either one is the maximum
  const disbursed = after.fundsReceived > after.payments ? after.fundsReceived : after.payments;
  if (disbursed <= after.netCommitment) return;
  const code: AgreementRuleCode =
    COMMITMENT_TYPES.includes(change.eventType) || change.reversed
      ? 'COMMITMENT_BELOW_DISBURSED'
      : change.eventType === 'FundsReceived'
        ? 'FUNDS_RECEIVED_EXCEED_COMMITMENT'
        : 'PAYMENTS_EXCEED_COMMITMENT';
  throw new DomainRuleViolation<AgreementRuleCode>(
    code,
    `This would leave ${money(disbursed)} ${change.currency} disbursed against a net commitment of ${money(after.netCommitment)}`,
    details,
  );
}
