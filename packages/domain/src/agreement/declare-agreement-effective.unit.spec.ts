import {
  agreementCommand,
  agreementEvent,
  agreementSigned,
  givenAgreement as given,
  AGREEMENT_ID,
  declaredEffective,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();

describe('effectiveness', () => {
  it('may start on the signing day', () => {
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-14' }))
      .then([agreementEvent('AgreementDeclaredEffective', { effectiveDate: '2025-03-14', effectivenessDate: '2025-03-14' })]);
  });
});

describe('signing and effectiveness refusals', () => {
  it('gives the dates of an effectiveness declared twice or before signing', () => {
    given([signed, declaredEffective])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-02' }))
      .thenThrows('AGREEMENT_ALREADY_EFFECTIVE', {
        message: `Agreement ${AGREEMENT_ID} has been effective since 2025-06-01`,
        details: { effectivenessDate: '2025-06-01' },
      });
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-13' }))
      .thenThrows('EFFECTIVENESS_BEFORE_SIGNING', {
        message: 'An agreement cannot be effective before it is signed',
        details: { signedDate: '2025-03-14', effectivenessDate: '2025-03-13' },
      });
  });
});

describe('DeclareAgreementEffective', () => {
  it('declares the agreement effective on a date after signing', () => {
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-01' }))
      .then([declaredEffective]);
  });

  it('rejects an unsigned agreement, a second declaration, a date before signing or in the future', () => {
    given([])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-01' }))
      .thenThrows('AGREEMENT_NOT_FOUND');
    given([signed, declaredEffective])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-02' }))
      .thenThrows('AGREEMENT_ALREADY_EFFECTIVE');
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-13' }))
      .thenThrows('EFFECTIVENESS_BEFORE_SIGNING');
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});
