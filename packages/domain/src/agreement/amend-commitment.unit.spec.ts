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
const effective = [signed, committed(), declaredEffective];

describe('amendments', () => {
  it('stores an increase positive and a decrease negative', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'increase', reason: 'Scope added' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '1000000.00', '2025-07-01', { reason: 'Scope added' })]);
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'decrease', reason: 'Scope reduced' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '-1000000.00', '2025-07-01', { reason: 'Scope reduced' })]);
  });

  it('needs a commitment in the currency, and a reason', () => {
    given([signed])
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'decrease', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'decrease' }))
      .thenThrows('REASON_REQUIRED', { field: 'reason' });
  });
});

describe('transaction refusals', () => {
  it('says what an amendment is, and in which currency nothing is committed', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'sideways' as never, reason: 'x' }))
      .thenThrows('AMENDMENT_DIRECTION_INVALID', {
        message: 'An amendment is an increase or a decrease',
        details: { change: 'sideways' },
      });
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1', { currency: 'KGS' }), change: 'increase', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND', {
        message: 'Nothing is committed in KGS under this agreement',
        details: { currency: 'KGS' },
      });
  });
});

describe('RecordAgreementCommitment, AmendCommitment, CancelFunds', () => {
  it('amends up or down, storing the signed change and its reason', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'decrease', reason: 'Scope reduced' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '-1000000.00', '2025-07-01', { reason: 'Scope reduced' })]);
  });

  it('rejects an amendment without a commitment, without a reason, or with an unknown direction', () => {
    given([signed])
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'increase', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'increase', reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'sideways' as never, reason: 'x' }))
      .thenThrows('AMENDMENT_DIRECTION_INVALID');
  });
});
