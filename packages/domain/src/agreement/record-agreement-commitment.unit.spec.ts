import { agreementCommand, agreementSigned, committed, givenAgreement as given, tx } from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();

describe('RecordAgreementCommitment, AmendCommitment, CancelFunds', () => {
  it('records a commitment (IATI 11) effective on its value date', () => {
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', { ...tx('24000000'), transactionId: 'C-1', valueDate: '2025-03-14' }))
      .then([committed()]);
  });

  it('rejects a transaction id used before and a value date in the future', () => {
    given([signed, committed()])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { transactionId: 'C-1' })))
      .thenThrows('DUPLICATE_TRANSACTION_ID');
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { valueDate: '2026-11-27' })))
      .thenThrows('VALUE_DATE_IN_FUTURE');
  });

  it('rejects a currency withdrawn from the code list', () => {
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { currency: 'VEF' })))
      .thenThrows('CURRENCY_WITHDRAWN', {
        message: 'VEF has been withdrawn from the currency code list',
        details: { currency: 'VEF' },
      });
  });
});
