import {
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  tx,
  balances,
  leaves,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];

describe('transaction refusals', () => {
  it('refuses a cancellation with nothing committed in its currency by saying so, not by the balance it would break', () => {
    given([signed])
      .when(agreementCommand('CancelFunds', { ...tx('100'), reason: 'Savings at closing' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', {
        message: 'Nothing is committed in USD under this agreement',
        details: { currency: 'USD' },
      });
    given(effective)
      .when(agreementCommand('CancelFunds', { ...tx('1', { currency: 'KGS' }), reason: 'Savings at closing' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', {
        message: 'Nothing is committed in KGS under this agreement',
        details: { currency: 'KGS' },
      });
    const cancelledAll = [...effective, transaction('FundsCancelled', '11', 'C-1', '24000000.00', '2025-06-15', { reason: 'x' })];
    given(cancelledAll)
      .when(agreementCommand('CancelFunds', { ...tx('0.01'), reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', { message: 'Nothing is committed in USD under this agreement', details: { currency: 'USD' } });
  });
});

describe('disbursed ≤ committed refusals give the balances the command would leave', () => {
  it('a cancellation below the funds received, and one below the payments', () => {
    const received = [...effective, transaction('FundsReceived', '1', 'R-1', '20000000.00'), transaction('ExpenditureRecorded', '4', 'E-1', '5.00')];
    given(received)
      .when(agreementCommand('CancelFunds', { ...tx('4000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED', {
        message: leaves('20000000.00', '19999999.99'),
        details: balances('19999999.99', '20000000.00', '5.00'),
      });
    const paid = [...effective, transaction('FundsReceived', '1', 'R-1', '5.00'), transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('CancelFunds', { ...tx('1000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED', {
        message: leaves('23000000.00', '22999999.99'),
        details: balances('22999999.99', '5.00', '23000000.00'),
      });
  });
});

describe('RecordAgreementCommitment, AmendCommitment, CancelFunds', () => {
  it('cancels undisbursed funds, stored as the positive cancelled amount', () => {
    given(effective)
      .when(agreementCommand('CancelFunds', { ...tx('4000000'), reason: 'Savings at closing' }))
      .then([transaction('FundsCancelled', '11', 'T-1', '4000000.00', '2025-07-01', { reason: 'Savings at closing' })]);
  });
});
