import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { hasCommitmentIn } from './agreement-balances.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireReason } from '../reasons/reason.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { CancelFunds } from './commands.js';
import type { FundsCancelled } from './events.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** Cancels part of the undisbursed commitment: something must be committed in the currency, and never more than is still undisbursed. */
export function decideCancelFunds({ data }: CancelFunds, state: AgreementState, { today }: DecisionContext): FundsCancelled[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  // With nothing committed, say so, rather than name the balance a cancellation would break.
  if (!hasCommitmentIn(agreement, data.currency)) {
    throw new DomainRuleViolation<AgreementRuleCode>('NO_COMMITMENT_TO_CANCEL', `Nothing is committed in ${data.currency} under this agreement`, {
      currency: data.currency,
    });
  }
  const reason = requireReason(data.reason);
  return [{ type: 'FundsCancelled', data: { ...decideTransactionData(agreement, data, 'FundsCancelled', today, true), reason } }];
}

/** `CancelFunds`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const cancelFundsUseCase = useCase('CancelFunds', decideCancelFunds);
