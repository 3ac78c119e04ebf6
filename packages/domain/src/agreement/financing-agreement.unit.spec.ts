import {
  AGREEMENT_ID,
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  tx,
} from '../test-support/agreement-fixtures.js';
import { agreementStreamId } from './stream.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];

describe('SignAgreement', () => {
  it('lives in the stream agreement-<id>', () => {
    expect(agreementStreamId(AGREEMENT_ID)).toBe('agreement-ADB-G0900-KGZ');
  });
});

describe('RecordAgreementCommitment, AmendCommitment, CancelFunds', () => {
  it('rejects cancelling or reducing below what was already disbursed', () => {
    const disbursedMost = [...effective, transaction('FundsReceived', '1', 'R-1', '20000000.00')];
    const violation = given(disbursedMost)
      .when(agreementCommand('CancelFunds', { ...tx('4000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED');
    expect(violation.details).toEqual({ currency: 'USD', netCommitment: '19999999.99', fundsReceived: '20000000.00', payments: '0.00' });
    given(disbursedMost)
      .when(agreementCommand('AmendCommitment', { ...tx('4000001'), change: 'decrease', reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED');
  });
});

describe('RecordFundsReceived, RecordAgreementDisbursement, RecordExpenditure', () => {
  it('rejects money movements before effectiveness', () => {
    given([signed, committed()])
      .when(agreementCommand('RecordFundsReceived', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
    given([signed, committed()])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
    given([signed, committed()])
      .when(agreementCommand('RecordExpenditure', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
  });

  it('records a disbursement (3) to a contractor and an expenditure (4)', () => {
    const receiver = { name: 'Contractor LLC' };
    given(effective)
      .when(agreementCommand('RecordAgreementDisbursement', { ...tx('100'), receiver }))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '100.00', '2025-07-01', { receiver })]);
    given(effective)
      .when(agreementCommand('RecordExpenditure', tx('50')))
      .then([transaction('ExpenditureRecorded', '4', 'T-1', '50.00')]);
  });
});
