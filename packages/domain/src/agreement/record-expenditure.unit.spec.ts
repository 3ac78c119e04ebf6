import {
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  agreementEvent,
  tx,
  balances,
  leaves,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];

// A transaction's value date within its agreement's life: signed 2025-03-14, effective 2025-06-01, closing 2026-06-30.
const signedUntilClosing = agreementSigned({ closingDate: '2026-06-30' });
const effectiveUntilClosing = [signedUntilClosing, committed(), declaredEffective];
const movementOn = (valueDate: string) => ({ transactionId: 'T-1', amount: '1000', currency: 'USD', valueDate });

describe('disbursed ≤ committed refusals give the balances the command would leave', () => {
  it('payments beyond the net commitment', () => {
    const paid = [...effective, transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('RecordExpenditure', tx('1000000.01')))
      .thenThrows('PAYMENTS_EXCEED_COMMITMENT', {
        message: leaves('24000000.01', '24000000.00'),
        details: balances('24000000.00', '0.00', '24000000.01'),
      });
  });
});

describe('RecordFundsReceived, RecordAgreementDisbursement, RecordExpenditure', () => {
  it('rejects payments (3 + 4) beyond the net commitment', () => {
    const paid = [...effective, transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('RecordExpenditure', tx('1000000.01')))
      .thenThrows('PAYMENTS_EXCEED_COMMITMENT');
  });
});

describe('value dates within the agreement', () => {
  it('holds to the closing date as extended', () => {
    const extended = agreementEvent('ClosingDateExtended', {
      effectiveDate: '2026-06-01',
      previousClosingDate: '2026-06-30',
      closingDate: '2026-12-31',
      reason: 'x',
    });
    given([...effectiveUntilClosing, extended])
      .when(agreementCommand('RecordExpenditure', movementOn('2026-07-01')))
      .then([transaction('ExpenditureRecorded', '4', 'T-1', '1000.00', '2026-07-01')]);
  });
});
