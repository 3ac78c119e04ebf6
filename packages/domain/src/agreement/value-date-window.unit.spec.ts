import { agreementCommand, agreementSigned, committed, declaredEffective, givenAgreement as given, transaction } from '../test-support/agreement-fixtures.js';

// A transaction's value date within its agreement's life: signed 2025-03-14, effective 2025-06-01, closing 2026-06-30.
const signedUntilClosing = agreementSigned({ closingDate: '2026-06-30' });
const effectiveUntilClosing = [signedUntilClosing, committed(), declaredEffective];
const movementOn = (valueDate: string) => ({ transactionId: 'T-1', amount: '1000', currency: 'USD', valueDate });
const refusal = (valueDate: string, dates: Record<string, string>) => ({ details: { agreementId: 'ADB-G0900-KGZ', valueDate, ...dates } });

describe('value dates within the agreement', () => {
  it('refuses any movement dated before the signing, and accepts one on the signing day', () => {
    given([signedUntilClosing])
      .when(agreementCommand('RecordAgreementCommitment', movementOn('2025-03-13')))
      .thenThrows('VALUE_DATE_BEFORE_SIGNING', {
        message: 'The value date 2025-03-13 is before agreement ADB-G0900-KGZ was signed (2025-03-14)',
        ...refusal('2025-03-13', { signedDate: '2025-03-14' }),
      });
    given(effectiveUntilClosing)
      .when(agreementCommand('CancelFunds', { ...movementOn('2025-03-13'), reason: 'x' }))
      .thenThrows('VALUE_DATE_BEFORE_SIGNING');
    given([signedUntilClosing])
      .when(agreementCommand('RecordAgreementCommitment', movementOn('2025-03-14')))
      .then([transaction('AgreementCommitmentRecorded', '11', 'T-1', '1000.00', '2025-03-14')]);
  });

  it('refuses money released, paid on or spent before effectiveness; a commitment may come between signing and effectiveness', () => {
    for (const type of ['RecordFundsReceived', 'RecordAgreementDisbursement', 'RecordExpenditure'] as const) {
      given(effectiveUntilClosing)
        .when(agreementCommand(type, movementOn('2025-05-31')))
        .thenThrows('VALUE_DATE_BEFORE_EFFECTIVENESS', {
          message: 'The value date 2025-05-31 is before agreement ADB-G0900-KGZ became effective (2025-06-01)',
          ...refusal('2025-05-31', { effectivenessDate: '2025-06-01' }),
        });
    }
    given(effectiveUntilClosing)
      .when(agreementCommand('RecordFundsReceived', movementOn('2025-06-01')))
      .then([transaction('FundsReceived', '1', 'T-1', '1000.00', '2025-06-01')]);
    given(effectiveUntilClosing)
      .when(agreementCommand('RecordAgreementCommitment', { ...movementOn('2025-05-31'), transactionId: 'C-2' }))
      .then([transaction('AgreementCommitmentRecorded', '11', 'C-2', '1000.00', '2025-05-31')]);
  });

  it('refuses new commitments, increases, payments and spending after the closing date; funds received, cancellations and decreases may follow it', () => {
    for (const command of [
      agreementCommand('RecordAgreementCommitment', { ...movementOn('2026-07-01'), transactionId: 'C-2' }),
      agreementCommand('AmendCommitment', { ...movementOn('2026-07-01'), change: 'increase', reason: 'x' }),
      agreementCommand('RecordAgreementDisbursement', movementOn('2026-07-01')),
      agreementCommand('RecordExpenditure', movementOn('2026-07-01')),
    ]) {
      given(effectiveUntilClosing)
        .when(command)
        .thenThrows('VALUE_DATE_AFTER_CLOSING', {
          message: 'The value date 2026-07-01 is after agreement ADB-G0900-KGZ closed (2026-06-30)',
          ...refusal('2026-07-01', { closingDate: '2026-06-30' }),
        });
    }
    given(effectiveUntilClosing)
      .when(agreementCommand('RecordExpenditure', movementOn('2026-06-30')))
      .then([transaction('ExpenditureRecorded', '4', 'T-1', '1000.00', '2026-06-30')]);
    given(effectiveUntilClosing)
      .when(agreementCommand('RecordFundsReceived', movementOn('2026-10-15')))
      .then([transaction('FundsReceived', '1', 'T-1', '1000.00', '2026-10-15')]);
    given(effectiveUntilClosing)
      .when(agreementCommand('CancelFunds', { ...movementOn('2026-07-01'), reason: 'Closed' }))
      .then([transaction('FundsCancelled', '11', 'T-1', '1000.00', '2026-07-01', { reason: 'Closed' })]);
    given(effectiveUntilClosing)
      .when(agreementCommand('AmendCommitment', { ...movementOn('2026-07-01'), change: 'decrease', reason: 'x' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '-1000.00', '2026-07-01', { reason: 'x' })]);
  });
});
