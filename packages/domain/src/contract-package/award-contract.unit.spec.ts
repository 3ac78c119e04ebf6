import { award, awarded, event, given, planned, usd, completed, terminated } from '../test-support/contract-package-fixtures.js';

describe('edges', () => {
  it('awards a planned package at the smallest positive value', () => {
    given([planned])
      .when(award({ contractValue: usd('1') }))
      .then([event('ContractAwarded', { ...awarded.data, contractValue: usd('1.00') })]);
  });
});

describe('AwardContract', () => {
  it('awards a planned package to a contractor, effective on the award date', () => {
    given([planned]).when(award()).then([awarded]);
  });

  it('accepts a contract in another currency than the estimate', () => {
    given([planned])
      .when(award({ contractValue: { amount: '990000000', currency: 'KGS' } }))
      .then([event('ContractAwarded', { ...awarded.data, contractValue: { amount: '990000000.00', currency: 'KGS' } })]);
  });

  it('rejects an award of a package never planned, and a second award', () => {
    given([]).when(award()).thenThrows('CONTRACT_PACKAGE_NOT_FOUND');
    given([planned, awarded]).when(award()).thenThrows('CONTRACT_ALREADY_AWARDED');
  });

  it('rejects an award date in the future, a contractor with neither id nor name, and a bad value', () => {
    given([planned])
      .when(award({ awardDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([planned])
      .when(award({ contractor: { name: ' ' } }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
    given([planned])
      .when(award({ contractValue: usd('1.234') }))
      .thenThrows('AMOUNT_TOO_PRECISE');
  });

  it('rejects awarding a completed or terminated contract', () => {
    given([planned, awarded, completed]).when(award()).thenThrows('CONTRACT_CLOSED');
    given([planned, awarded, terminated]).when(award()).thenThrows('CONTRACT_CLOSED');
  });
});
