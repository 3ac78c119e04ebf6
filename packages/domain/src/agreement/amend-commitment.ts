import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { requireReason } from '../reasons/reason.js';
import { hasCommitmentIn } from './agreement-balances.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { AmendCommitment } from './commands.js';
import type { CommitmentAmended } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireSignedAgreement } from './signed-agreement.js';

export function decideAmendCommitment({ data }: AmendCommitment, state: AgreementState, { today }: DecisionContext): CommitmentAmended[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  if (data.change !== 'increase' && data.change !== 'decrease') {
    throw new DomainRuleViolation<AgreementRuleCode>('AMENDMENT_DIRECTION_INVALID', 'An amendment is an increase or a decrease', {
      change: String(data.change),
    });
  }
  if (!hasCommitmentIn(agreement, data.currency)) {
    throw new DomainRuleViolation<AgreementRuleCode>('NO_COMMITMENT_TO_AMEND', `Nothing is committed in ${data.currency} under this agreement`, {
      currency: data.currency,
    });
  }
  const reason = requireReason(data.reason);
  return [{ type: 'CommitmentAmended', data: { ...decideTransactionData(agreement, data, 'CommitmentAmended', today, data.change === 'decrease'), reason } }];
}

/** `AmendCommitment`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const amendCommitmentUseCase = useCase('AmendCommitment', decideAmendCommitment);
