import {
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  tx,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();

describe('effectiveness', () => {
  it('lets money flow once declared', () => {
    given([signed, committed(), declaredEffective])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '1.00')]);
  });
});
