import { agreementCommand, agreementSigned, committed, declaredEffective, givenAgreement as given, transaction } from '../test-support/agreement-fixtures.js';

// The edges of the agreement's rules: the day a date rule starts to hold, the sign a movement is stored with, and
// what each recorded event changes for the next command.

const signed = agreementSigned();
const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });

describe('effectiveness', () => {
  it('lets money flow once declared', () => {
    given([signed, committed(), declaredEffective])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '1.00')]);
  });
});
