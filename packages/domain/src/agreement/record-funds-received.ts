import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { RecordFundsReceived } from './commands.js';
import type { FundsReceived } from './events.js';
import { requireEffectiveAgreement } from './signed-agreement.js';

export function decideRecordFundsReceived({ data }: RecordFundsReceived, state: AgreementState, { today }: DecisionContext): FundsReceived[] {
  const agreement = requireEffectiveAgreement(state, data.agreementId);
  return [{ type: 'FundsReceived', data: decideTransactionData(agreement, data, 'FundsReceived', today) }];
}

/** `RecordFundsReceived`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordFundsReceivedUseCase = useCase('RecordFundsReceived', decideRecordFundsReceived);
