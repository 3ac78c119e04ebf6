import { award, awarded, command, completed, event, given, plan, planned, terminated, usd, vary, varied } from '../test-support/contract-package-fixtures.js';

// What a client sees when a contract-package command is refused, and the edges of the rules.

const CONTRACT = 'TR-02-CW-01';

describe('refusals name the package and what stands in the way', () => {
  it('a package planned twice, untitled, or with an unknown method', () => {
    given([planned])
      .when(plan())
      .thenThrows('CONTRACT_PACKAGE_ALREADY_PLANNED', { message: `Procurement package ${CONTRACT} is already planned`, details: { contractId: CONTRACT } });
    given([])
      .when(plan({ title: ' ' }))
      .thenThrows('CONTRACT_TITLE_REQUIRED', { message: 'A procurement package needs a title', details: { contractId: CONTRACT } });
    given([])
      .when(plan({ method: 'auction' }))
      .thenThrows('UNKNOWN_PROCUREMENT_METHOD', {
        message: '"auction" is not a procurement method',
        details: { method: 'auction', allowed: ['ICB', 'NCB', 'QCBS', 'QBS', 'CQS', 'ICS', 'shopping', 'direct'] },
      });
  });
  it('a package not planned, not awarded, awarded already, or closed', () => {
    given([])
      .when(award())
      .thenThrows('CONTRACT_PACKAGE_NOT_FOUND', { message: `Procurement package ${CONTRACT} is not planned`, details: { contractId: CONTRACT } });
    given([planned])
      .when(vary('1000'))
      .thenThrows('CONTRACT_NOT_AWARDED', { message: `Contract ${CONTRACT} has not been awarded`, details: { contractId: CONTRACT } });
    given([planned, awarded])
      .when(award())
      .thenThrows('CONTRACT_ALREADY_AWARDED', { message: `Contract ${CONTRACT} was awarded on 2026-10-15`, details: { contractId: CONTRACT } });
    given([planned, awarded, completed])
      .when(vary('1000'))
      .thenThrows('CONTRACT_CLOSED', { message: `Contract ${CONTRACT} is completed`, details: { contractId: CONTRACT, status: 'completed' } });
    given([planned, awarded, terminated])
      .when(vary('1000'))
      .thenThrows('CONTRACT_CLOSED', { message: `Contract ${CONTRACT} is terminated`, details: { contractId: CONTRACT, status: 'terminated' } });
  });
  it('a date before the award names the field', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD', {
        message: 'completionDate 2026-10-14 is before the award on 2026-10-15',
        details: { field: 'completionDate', date: '2026-10-14', awardDate: '2026-10-15' },
      });
    given([planned, awarded])
      .when(vary('1000', { effectiveDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD', { field: 'effectiveDate' });
  });
  it('a variation used before, in another currency, or below zero', () => {
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('1000'))
      .thenThrows('DUPLICATE_VARIATION_ID', { message: 'Variation VO-1 is already approved', details: { variationId: 'VO-1' } });
    given([planned, awarded])
      .when(vary('1000', { amountDelta: { amount: '1000', currency: 'KZT' } }))
      .thenThrows('VARIATION_CURRENCY_MISMATCH', {
        message: 'The contract is in USD; a variation cannot be in KZT',
        details: { contractCurrency: 'USD', currency: 'KZT' },
      });
    given([planned, awarded])
      .when(vary('-11500000.01'))
      .thenThrows('CONTRACT_VALUE_BELOW_ZERO', {
        message: 'This variation would take the contract value to -0.01 USD',
        details: { contractValue: '11500000.00', amountDelta: '-11500000.01', currency: 'USD' },
      });
  });
});

describe('edges', () => {
  it('takes a contract down to exactly zero', () => {
    given([planned, awarded])
      .when(vary('-11500000'))
      .then([varied('-11500000.00', '0.00')]);
  });
  it('allows a variation, a completion and a termination on the award day', () => {
    given([planned, awarded])
      .when(vary('1000', { effectiveDate: '2026-10-15' }))
      .then([varied('1000.00', '11501000.00', { effectiveDate: '2026-10-15' })]);
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-15' }))
      .then([event('ContractCompleted', { completionDate: '2026-10-15', effectiveDate: '2026-10-15' })]);
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Default', effectiveDate: '2026-10-15' }))
      .then([event('ContractTerminated', { reason: 'Default', effectiveDate: '2026-10-15' })]);
  });
  it('adds each variation to the value left by the ones before', () => {
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('-750000', { variationId: 'VO-2' }))
      .then([varied('-750000.00', '11000000.00', { variationId: 'VO-2' })]);
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('-11750000.01', { variationId: 'VO-2' }))
      .thenThrows('CONTRACT_VALUE_BELOW_ZERO');
  });
  it('checks the variation id, and keeps the source of a variation, award, completion and termination', () => {
    given([planned, awarded])
      .when(vary('1000', { variationId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'variationId' });
    const source = { citation: 'Variation order 1', confidence: 'confirmed' };
    given([planned, awarded])
      .when(vary('1000', { source }))
      .then([varied('1000.00', '11501000.00', { source })]);
    given([planned])
      .when(award({ source }))
      .then([event('ContractAwarded', { ...awarded.data, source })]);
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-20', source }))
      .then([event('ContractCompleted', { ...completed.data, source })]);
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Contractor default', source }))
      .then([event('ContractTerminated', { ...terminated.data, source })]);
  });
  it('awards a planned package at the smallest positive value', () => {
    given([planned])
      .when(award({ contractValue: usd('1') }))
      .then([event('ContractAwarded', { ...awarded.data, contractValue: usd('1.00') })]);
  });
});
