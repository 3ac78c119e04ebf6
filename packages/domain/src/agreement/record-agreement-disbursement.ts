import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { RecordAgreementDisbursement } from './commands.js';
import type { AgreementDisbursementRecorded } from './events.js';
import { requireEffectiveAgreement } from './signed-agreement.js';

export function decideRecordAgreementDisbursement(
  { data }: RecordAgreementDisbursement,
  state: AgreementState,
  { today }: DecisionContext,
): AgreementDisbursementRecorded[] {
  const agreement = requireEffectiveAgreement(state, data.agreementId);
  const transaction = decideTransactionData(agreement, data, 'AgreementDisbursementRecorded', today);
  return [
    {
      type: 'AgreementDisbursementRecorded',
      data: { ...transaction, ...(data.receiver !== undefined ? { receiver: checkOrganisationReference(data.receiver, 'receiver') } : {}) },
    },
  ];
}

/** `RecordAgreementDisbursement`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordAgreementDisbursementUseCase = useCase('RecordAgreementDisbursement', decideRecordAgreementDisbursement);
