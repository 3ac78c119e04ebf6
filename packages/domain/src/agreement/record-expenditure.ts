import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { RecordExpenditure } from './commands.js';
import type { ExpenditureRecorded } from './events.js';
import { requireEffectiveAgreement } from './signed-agreement.js';

export function decideRecordExpenditure({ data }: RecordExpenditure, state: AgreementState, { today }: DecisionContext): ExpenditureRecorded[] {
  const agreement = requireEffectiveAgreement(state, data.agreementId);
  const transaction = decideTransactionData(agreement, data, 'ExpenditureRecorded', today);
  return [
    {
      type: 'ExpenditureRecorded',
      data: { ...transaction, ...(data.receiver !== undefined ? { receiver: checkOrganisationReference(data.receiver, 'receiver') } : {}) },
    },
  ];
}

/** `RecordExpenditure`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordExpenditureUseCase = useCase('RecordExpenditure', decideRecordExpenditure);
