import type { DecisionContext, Decider } from '../decider/decider.js';
import { evolveAgreement, initialAgreementState, type AgreementState } from './agreement-state.js';
import { decideAmendCommitment } from './amend-commitment.js';
import { decideCancelFunds } from './cancel-funds.js';
import type { AgreementCommand } from './commands.js';
import { decideDeclareAgreementEffective } from './declare-agreement-effective.js';
import type { AgreementEvent } from './events.js';
import { decideExtendClosingDate } from './extend-closing-date.js';
import { decideRecordAgreementCommitment } from './record-agreement-commitment.js';
import { decideRecordAgreementDisbursement } from './record-agreement-disbursement.js';
import { decideRecordExpenditure } from './record-expenditure.js';
import { decideRecordFundsReceived } from './record-funds-received.js';
import { decideReverseTransaction } from './reverse-transaction.js';
import { decideSchedulePlannedDisbursement } from './schedule-planned-disbursement.js';
import { decideSignAgreement } from './sign-agreement.js';
import { decideShorthandMoney } from './shorthand-money.js';

/** The FinancingAgreement's rules. Pure. */
export function decideAgreement(command: AgreementCommand, state: AgreementState, context: DecisionContext): AgreementEvent[] {
  switch (command.type) {
    case 'SignAgreement':
      return decideSignAgreement(command, state, context);
    case 'RecordCommitment':
    case 'RecordDisbursement':
      return decideShorthandMoney(command, state, context);
    case 'DeclareAgreementEffective':
      return decideDeclareAgreementEffective(command, state, context);
    case 'RecordAgreementCommitment':
      return decideRecordAgreementCommitment(command, state, context);
    case 'AmendCommitment':
      return decideAmendCommitment(command, state, context);
    case 'CancelFunds':
      return decideCancelFunds(command, state, context);
    case 'ExtendClosingDate':
      return decideExtendClosingDate(command, state, context);
    case 'SchedulePlannedDisbursement':
      return decideSchedulePlannedDisbursement(command, state, context);
    case 'RecordFundsReceived':
      return decideRecordFundsReceived(command, state, context);
    case 'RecordAgreementDisbursement':
      return decideRecordAgreementDisbursement(command, state, context);
    case 'RecordExpenditure':
      return decideRecordExpenditure(command, state, context);
    case 'ReverseTransaction':
      return decideReverseTransaction(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown agreement command ${JSON.stringify(unknown)}`);
    }
  }
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState, DecisionContext> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
