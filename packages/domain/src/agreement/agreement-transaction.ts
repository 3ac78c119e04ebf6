import { checkCode } from '../code-lists/coded.js';
import { TRANSACTION_TYPE, type TransactionTypeCode } from '../code-lists/iati-code-lists.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkValueDate } from '../dates/iso-date.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import { optionalSource, type Source } from '../sourcing/source.js';
import type { SignedAgreement } from './agreement-state.js';
import { checkBalancesAfter } from './agreement-balances.js';
import { checkValueDateWithinAgreement } from './value-date-window.js';
import type { AgreementTransactionEventType } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';

export interface TransactionInput {
  readonly agreementId: string;
  readonly transactionId: string;
  readonly amount: string;
  readonly currency: string;
  readonly valueDate: string;
  readonly source?: Source | undefined;
}

const IATI_TYPE: Record<AgreementTransactionEventType, TransactionTypeCode> = {
  AgreementCommitmentRecorded: '11',
  CommitmentAmended: '11',
  FundsCancelled: '11',
  FundsReceived: '1',
  AgreementDisbursementRecorded: '3',
  ExpenditureRecorded: '4',
};

/**
 * The data every money movement records, after the rules every one of them obeys: a new transaction
 * id, a positive amount in a current currency, a value date not in the future and within the agreement's
 * life (value-date-window.ts), and the balances
 * still holding afterwards. `negative` makes the movement count against the commitment.
 */
export function decideTransactionData(
  agreement: SignedAgreement,
  input: TransactionInput,
  eventType: AgreementTransactionEventType,
  today: string,
  negative = false,
) {
  checkIdentifier(input.transactionId, 'transactionId');
  if (agreement.transactions.has(input.transactionId)) {
    throw new DomainRuleViolation<AgreementRuleCode>('DUPLICATE_TRANSACTION_ID', `Transaction ${input.transactionId} is already recorded`, {
      transactionId: input.transactionId,
    });
  }
  const money = parseMoney({ amount: input.amount, currency: input.currency });
  checkValueDate(input.valueDate, today);
  const minorUnits = negative ? -money.minorUnits : money.minorUnits;
  checkValueDateWithinAgreement(agreement, input.valueDate, eventType, minorUnits > 0n);
  // Stryker disable next-line StringLiteral: equivalent: the balances read minor units, never the amount text
  checkBalancesAfter(agreement, { eventType, amount: '', currency: money.currency, minorUnits, reversed: false });
  // Cancellations are stored positive (IATI reports the cancelled amount); amendments carry their sign.
  const stored = eventType === 'CommitmentAmended' ? { currency: money.currency, minorUnits } : money;
  return {
    agreementId: agreement.agreementId,
    projectId: agreement.projectId,
    effectiveDate: input.valueDate,
    transactionId: input.transactionId,
    // Stryker disable next-line StringLiteral: equivalent: the field name only appears in a refusal, and IATI_TYPE holds valid codes only
    transactionType: checkCode(TRANSACTION_TYPE, IATI_TYPE[eventType], 'transactionType'),
    amount: formatAmount(stored),
    currency: money.currency,
    valueDate: input.valueDate,
    ...optionalSource(input.source, today),
  };
}
