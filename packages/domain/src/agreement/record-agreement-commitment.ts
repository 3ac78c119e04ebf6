import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import type { AgreementState } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { RecordAgreementCommitment } from './commands.js';
import type { AgreementCommitmentRecorded } from './events.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** IATI 11 Incoming Commitment; may be recorded from signing, before effectiveness. */
export function decideRecordAgreementCommitment(
  { data }: RecordAgreementCommitment,
  state: AgreementState,
  { today }: DecisionContext,
): AgreementCommitmentRecorded[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  return [{ type: 'AgreementCommitmentRecorded', data: decideTransactionData(agreement, data, 'AgreementCommitmentRecorded', today) }];
}

/** `RecordAgreementCommitment`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordAgreementCommitmentUseCase = useCase('RecordAgreementCommitment', decideRecordAgreementCommitment);
