import { agreementCommand, agreementSigned, committed, declaredEffective, givenAgreement as given, transaction } from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });

describe('effectiveness', () => {
  it('lets money flow once declared', () => {
    given([signed, committed(), declaredEffective])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '1.00')]);
  });
});
