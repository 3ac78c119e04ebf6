import {
  TODAY,
  commitmentRecorded,
  given,
  projectRegistered,
  recordCommitment,
} from '../test-support/project-fixtures.js';

describe('RecordCommitment', () => {
  it('records a commitment with its amount in canonical form', () => {
    given([projectRegistered()]).when(recordCommitment()).then([commitmentRecorded()]);
  });

  it('formats the amount with the currency’s own minor units (KZT 2, JPY 0, KWD 3)', () => {
    given([projectRegistered()])
      .when(recordCommitment({ amount: '0450000000.5', currency: 'KZT' }))
      .then([commitmentRecorded({ amount: '450000000.50', currency: 'KZT' })]);
    given([projectRegistered()])
      .when(recordCommitment({ amount: '1000000', currency: 'JPY' }))
      .then([commitmentRecorded({ amount: '1000000', currency: 'JPY' })]);
    given([projectRegistered()])
      .when(recordCommitment({ amount: '12.5', currency: 'KWD' }))
      .then([commitmentRecorded({ amount: '12.500', currency: 'KWD' })]);
  });

  it('accepts a value date of today', () => {
    given([projectRegistered()])
      .when(recordCommitment({ date: TODAY }))
      .then([commitmentRecorded({ valueDate: TODAY })]);
  });

  it('records a second commitment under another id', () => {
    given([projectRegistered(), commitmentRecorded()])
      .when(recordCommitment({ commitmentId: 'L-0002', amount: '13000000' }))
      .then([commitmentRecorded({ commitmentId: 'L-0002', amount: '13000000.00' })]);
  });

  it('rejects a commitment to a project that is not registered', () => {
    given([]).when(recordCommitment()).thenThrows('PROJECT_NOT_FOUND');
  });

  it('rejects a commitment id that was already recorded', () => {
    given([projectRegistered(), commitmentRecorded()]).when(recordCommitment()).thenThrows('DUPLICATE_COMMITMENT_ID');
  });

  it('rejects a blank commitment id or financier', () => {
    given([projectRegistered()]).when(recordCommitment({ commitmentId: '' })).thenThrows('IDENTIFIER_INVALID');
    const violation = given([projectRegistered()]).when(recordCommitment({ financier: ' ' })).thenThrows('IDENTIFIER_INVALID');
    expect(violation.details).toMatchObject({ field: 'financier' });
  });

  it('rejects a value date after today', () => {
    const violation = given([projectRegistered()]).when(recordCommitment({ date: '2026-11-27' })).thenThrows('VALUE_DATE_IN_FUTURE');
    expect(violation.details).toEqual({ valueDate: '2026-11-27', today: TODAY });
  });

  it.each(['2024-02-30', '2023-02-29', '14.03.2025', '2025-3-14', ''])('rejects the value date %j', (date) => {
    given([projectRegistered()]).when(recordCommitment({ date })).thenThrows('DATE_INVALID');
  });

  it.each([
    ['UNKNOWN_CURRENCY', { currency: 'XYZ' }],
    ['UNKNOWN_CURRENCY', { currency: 'usd' }],
    ['CURRENCY_WITHDRAWN', { currency: 'EEK' }],
    ['AMOUNT_MALFORMED', { amount: '1,500,000' }],
    ['AMOUNT_MALFORMED', { amount: '-5' }],
    ['AMOUNT_TOO_PRECISE', { amount: '10.001' }],
    ['AMOUNT_TOO_PRECISE', { amount: '100.5', currency: 'JPY' }],
    ['AMOUNT_NOT_POSITIVE', { amount: '0.00' }],
  ] as const)('rejects the amount with %s (%j)', (code, money) => {
    given([projectRegistered()]).when(recordCommitment(money)).thenThrows(code);
  });
});
