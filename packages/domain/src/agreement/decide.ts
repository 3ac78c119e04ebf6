import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { amendCommitmentUseCase } from './amend-commitment.js';
import { cancelFundsUseCase } from './cancel-funds.js';
import { declareAgreementEffectiveUseCase } from './declare-agreement-effective.js';
import { extendClosingDateUseCase } from './extend-closing-date.js';
import { recordAgreementCommitmentUseCase } from './record-agreement-commitment.js';
import { recordAgreementDisbursementUseCase } from './record-agreement-disbursement.js';
import { recordExpenditureUseCase } from './record-expenditure.js';
import { recordFundsReceivedUseCase } from './record-funds-received.js';
import { reverseTransactionUseCase } from './reverse-transaction.js';
import { schedulePlannedDisbursementUseCase } from './schedule-planned-disbursement.js';
import { recordCommitmentUseCase, recordDisbursementUseCase } from './shorthand-money.js';
import { signAgreementUseCase } from './sign-agreement.js';
import { evolveAgreement, initialAgreementState, type AgreementState } from './agreement-state.js';
import type { AgreementCommand } from './commands.js';
import type { AgreementEvent } from './events.js';

/** The FinancingAgreement's rules. Pure. */
export const decideAgreement: (command: AgreementCommand, state: AgreementState, context: DecisionContext) => AgreementEvent[] = decideByUseCase('agreement', [
  signAgreementUseCase,
  recordCommitmentUseCase,
  recordDisbursementUseCase,
  declareAgreementEffectiveUseCase,
  recordAgreementCommitmentUseCase,
  amendCommitmentUseCase,
  cancelFundsUseCase,
  extendClosingDateUseCase,
  schedulePlannedDisbursementUseCase,
  recordFundsReceivedUseCase,
  recordAgreementDisbursementUseCase,
  recordExpenditureUseCase,
  reverseTransactionUseCase,
]);

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState, DecisionContext> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
