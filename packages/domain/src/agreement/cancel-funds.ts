import type { DecisionContext } from '../decider/decider.js';
import { requireCommitmentIn } from './agreement-balances.js';
import { requireReason } from '../reasons/reason.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { CancelFunds } from './commands.js';
import type { FundsCancelled } from './events.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** Cancels part of the undisbursed commitment: something must be committed in the currency, and never more than is still undisbursed. */
export function decideCancelFunds({ data }: CancelFunds, state: AgreementState, { today }: DecisionContext): FundsCancelled[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  requireCommitmentIn(agreement, data.currency, 'NO_COMMITMENT_TO_CANCEL');
  const reason = requireReason(data.reason);
  return [{ type: 'FundsCancelled', data: { ...decideTransactionData(agreement, data, 'FundsCancelled', today, true), reason } }];
}
