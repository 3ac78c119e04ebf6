import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { parseMoney } from '../money/money.js';
import { evolveAgreement, type AgreementState, type SignedAgreement } from './agreement-state.js';
import { decideTransactionData } from './agreement-transaction.js';
import type { RecordCommitment, RecordDisbursement } from './commands.js';
import type { AgreementCommitmentRecorded, AgreementOpened, FundsReceived } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireEffectiveAgreement } from './signed-agreement.js';
import { shorthandAgreementId } from './stream.js';

/**
 * The project-level shorthand acts on the agreement the caller chose: an existing one of the project
 * (signed, or opened by an earlier shorthand), or the shorthand agreement `<projectId>~<financier>`,
 * which it opens (AgreementOpened) when it has no events yet. Then the agreement's own rules apply:
 * a new transaction id, a value date not in the future, disbursed ≤ committed per currency (counting
 * the project-stream money recorded before agreements), and money is received only once effective.
 */
/** What the shorthand records: the opening of the shorthand agreement, if due, and the money. */
type ShorthandMoneyEvent = AgreementOpened | AgreementCommitmentRecorded | FundsReceived;

export function decideShorthandMoney(command: RecordCommitment | RecordDisbursement, state: AgreementState, { today }: DecisionContext): ShorthandMoneyEvent[] {
  const { data } = command;
  checkIdentifier(data.projectId, 'projectId');
  checkIdentifier(data.financier, 'financier');
  const opening: AgreementOpened[] = [];
  let agreement: SignedAgreement;
  if (state.exists) {
    if (state.projectId !== data.projectId) {
      throw new DomainRuleViolation<AgreementRuleCode>(
        'AGREEMENT_OF_ANOTHER_PROJECT',
        `Agreement ${state.agreementId} belongs to project ${state.projectId}, not ${data.projectId}`,
        {
          agreementId: state.agreementId,
          projectId: state.projectId,
        },
      );
    }
    agreement = state;
  } else {
    if (data.agreementId !== shorthandAgreementId(data.projectId, data.financier)) {
      throw new DomainRuleViolation<AgreementRuleCode>('AGREEMENT_NOT_FOUND', `Agreement ${data.agreementId} has not been signed`, {
        agreementId: data.agreementId,
      });
    }
    // Checked before opening, so that a malformed amount or date opens nothing.
    const { currency } = parseMoney({ amount: data.amount, currency: data.currency });
    const opened: AgreementOpened = {
      type: 'AgreementOpened',
      data: {
        agreementId: data.agreementId,
        projectId: data.projectId,
        effectiveDate: data.date,
        financier: { ref: data.financier },
        currency,
        openedBy: 'shorthand',
      },
    };
    opening.push(opened);
    agreement = evolveAgreement(state, opened) as SignedAgreement;
  }
  if (command.type === 'RecordCommitment') {
    const input = {
      agreementId: agreement.agreementId,
      transactionId: command.data.commitmentId,
      amount: data.amount,
      currency: data.currency,
      valueDate: data.date,
    };
    return [...opening, { type: 'AgreementCommitmentRecorded', data: decideTransactionData(agreement, input, 'AgreementCommitmentRecorded', today) }];
  }
  const effective = requireEffectiveAgreement(agreement, agreement.agreementId);
  const input = {
    agreementId: agreement.agreementId,
    transactionId: command.data.disbursementId,
    amount: data.amount,
    currency: data.currency,
    valueDate: data.date,
  };
  return [...opening, { type: 'FundsReceived', data: decideTransactionData(effective, input, 'FundsReceived', today) }];
}

/** `RecordCommitment`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordCommitmentUseCase = useCase<RecordCommitment, AgreementState, ShorthandMoneyEvent>('RecordCommitment', decideShorthandMoney);

/** `RecordDisbursement`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordDisbursementUseCase = useCase<RecordDisbursement, AgreementState, ShorthandMoneyEvent>('RecordDisbursement', decideShorthandMoney);
