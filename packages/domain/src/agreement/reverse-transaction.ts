import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkSource } from '../sourcing/source.js';
import { checkBalancesAfter } from './agreement-balances.js';
import type { AgreementState } from './agreement-state.js';
import type { ReverseTransaction } from './commands.js';
import type { TransactionReversed } from './events.js';
import { checkReversalReason } from './reversal-reasons.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** Undoes one transaction in full, with a reason code and a source; the correct figure is then recorded anew. */
export function decideReverseTransaction({ data }: ReverseTransaction, state: AgreementState, { today }: DecisionContext): TransactionReversed[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  const original = agreement.transactions.get(data.transactionId);
  if (original === undefined) {
    throw new DomainRuleViolation<AgreementRuleCode>('TRANSACTION_NOT_FOUND', `Transaction ${data.transactionId} is not recorded under this agreement`, {
      transactionId: data.transactionId,
    });
  }
  if (original.reversed) {
    throw new DomainRuleViolation<AgreementRuleCode>('TRANSACTION_ALREADY_REVERSED', `Transaction ${data.transactionId} is already reversed`, {
      transactionId: data.transactionId,
    });
  }
  const reasonCode = checkReversalReason(data.reasonCode);
  const source = checkSource(data.source, today);
  checkBalancesAfter(agreement, { ...original, reversed: true }, data.transactionId);
  const note = data.note?.trim();
  return [
    {
      type: 'TransactionReversed',
      data: {
        agreementId: agreement.agreementId,
        projectId: agreement.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        transactionId: data.transactionId,
        reversedEventType: original.eventType,
        amount: original.amount,
        currency: original.currency,
        reasonCode,
        source,
        ...(note ? { note } : {}),
      },
    },
  ];
}

/** `ReverseTransaction`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const reverseTransactionUseCase = useCase('ReverseTransaction', decideReverseTransaction);
