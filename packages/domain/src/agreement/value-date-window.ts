import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import type { SignedAgreement } from './agreement-state.js';
import type { AgreementTransactionEventType } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';

/** Money released or paid on: it moves only once the agreement is effective. */
const MONEY_OUT: readonly AgreementTransactionEventType[] = ['FundsReceived', 'AgreementDisbursementRecorded', 'ExpenditureRecorded'];
/**
 * What may not be dated after the closing date: new commitments and increases, and what was paid on or
 * spent. Funds received may follow it (withdrawal applications for what was spent before closing are
 * honoured for a grace period the financier sets), and cancellations and decreases wind the agreement down.
 */
const UNTIL_CLOSING: readonly AgreementTransactionEventType[] = ['AgreementCommitmentRecorded', 'AgreementDisbursementRecorded', 'ExpenditureRecorded'];

/**
 * A transaction's value date lies within its agreement's life: not before signing, money out not before
 * effectiveness, and nothing new after the closing date (as extended). A shorthand agreement has no dates of
 * its own (it is opened on its first money's value date), so it is not held to them.
 */
export function checkValueDateWithinAgreement(
  agreement: SignedAgreement,
  valueDate: string,
  eventType: AgreementTransactionEventType,
  increase: boolean,
): void {
  if (agreement.openedBy === 'shorthand') return;
  const fail = (code: AgreementRuleCode, message: string, date: Record<string, string>) => {
    throw new DomainRuleViolation<AgreementRuleCode>(code, message, { agreementId: agreement.agreementId, valueDate, ...date });
  };
  if (compareIsoDates(valueDate, agreement.signedDate) < 0) {
    fail('VALUE_DATE_BEFORE_SIGNING', `The value date ${valueDate} is before agreement ${agreement.agreementId} was signed (${agreement.signedDate})`, {
      signedDate: agreement.signedDate,
    });
  }
  const effective = agreement.effectivenessDate;
  if (effective !== undefined && MONEY_OUT.includes(eventType) && compareIsoDates(valueDate, effective) < 0) {
    fail('VALUE_DATE_BEFORE_EFFECTIVENESS', `The value date ${valueDate} is before agreement ${agreement.agreementId} became effective (${effective})`, {
      effectivenessDate: effective,
    });
  }
  const closing = agreement.closingDate;
  const untilClosing = UNTIL_CLOSING.includes(eventType) || (eventType === 'CommitmentAmended' && increase);
  if (closing !== undefined && untilClosing && compareIsoDates(valueDate, closing) > 0) {
    fail('VALUE_DATE_AFTER_CLOSING', `The value date ${valueDate} is after agreement ${agreement.agreementId} closed (${closing})`, { closingDate: closing });
  }
}
