import {
  commitmentRecorded,
  disbursementRecorded,
  given,
  projectRegistered,
  recordDisbursement,
} from '../test-support/project-fixtures.js';

const committed = [projectRegistered(), commitmentRecorded({ amount: '1000000.00' })];

describe('RecordDisbursement', () => {
  it('records a disbursement within the commitment', () => {
    given(committed).when(recordDisbursement()).then([disbursementRecorded()]);
  });

  it('allows disbursing the whole commitment, to the cent, over several payments', () => {
    given([...committed, disbursementRecorded({ amount: '999999.99' })])
      .when(recordDisbursement({ disbursementId: 'D-0002', amount: '0.01' }))
      .then([disbursementRecorded({ disbursementId: 'D-0002', amount: '0.01' })]);
  });

  it('counts every commitment in the currency, whoever the financier', () => {
    given([...committed, commitmentRecorded({ commitmentId: 'WB-1', amount: '500000.00', financier: 'XM-DAC-44000' })])
      .when(recordDisbursement({ amount: '1500000' }))
      .then([disbursementRecorded({ amount: '1500000.00' })]);
  });

  it('rejects a disbursement one cent above the undisbursed commitment', () => {
    const violation = given([...committed, disbursementRecorded({ amount: '999999.99' })])
      .when(recordDisbursement({ disbursementId: 'D-0002', amount: '0.02' }))
      .thenThrows('DISBURSEMENT_EXCEEDS_COMMITMENT');
    expect(violation.details).toEqual({
      currency: 'USD',
      requested: '0.02',
      committed: '1000000.00',
      disbursed: '999999.99',
      undisbursed: '0.01',
    });
  });

  it('rejects a disbursement in a currency with no commitment, even if other currencies have room', () => {
    const violation = given(committed)
      .when(recordDisbursement({ amount: '100', currency: 'KZT' }))
      .thenThrows('DISBURSEMENT_EXCEEDS_COMMITMENT');
    expect(violation.message).toMatch(/Nothing has been committed in KZT/);
  });

  it('keeps currencies apart: a KGS commitment does not cover a USD disbursement', () => {
    given([projectRegistered(), commitmentRecorded({ amount: '90000000.00', currency: 'KGS' })])
      .when(recordDisbursement({ amount: '1' }))
      .thenThrows('DISBURSEMENT_EXCEEDS_COMMITMENT');
  });

  it('rejects a disbursement to a project that is not registered', () => {
    given([]).when(recordDisbursement()).thenThrows('PROJECT_NOT_FOUND');
  });

  it('rejects a disbursement id that was already recorded', () => {
    given([...committed, disbursementRecorded()]).when(recordDisbursement({ amount: '1' })).thenThrows('DUPLICATE_DISBURSEMENT_ID');
  });

  it('rejects a blank disbursement id', () => {
    given(committed).when(recordDisbursement({ disbursementId: '  ' })).thenThrows('IDENTIFIER_INVALID');
  });

  it('rejects a value date after today', () => {
    given(committed).when(recordDisbursement({ date: '2027-01-01' })).thenThrows('VALUE_DATE_IN_FUTURE');
  });

  it('rejects a value date that does not exist', () => {
    given(committed).when(recordDisbursement({ date: '2025-04-31' })).thenThrows('DATE_INVALID');
  });

  it.each([
    ['UNKNOWN_CURRENCY', { currency: 'ABC' }],
    ['AMOUNT_MALFORMED', { amount: '1e5' }],
    ['AMOUNT_TOO_PRECISE', { amount: '1.005' }],
    ['AMOUNT_NOT_POSITIVE', { amount: '0' }],
  ] as const)('rejects the amount with %s (%j)', (code, money) => {
    given(committed).when(recordDisbursement(money)).thenThrows(code);
  });

  it('needs today from the caller and refuses a malformed one', () => {
    expect(() => given(committed).when(recordDisbursement(), { today: '26/11/2026' }).then([])).toThrow(RangeError);
  });
});
