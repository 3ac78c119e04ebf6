import { awarded, given, planned, vary, varied, command, completed, terminated } from '../test-support/contract-package-fixtures.js';

describe('refusals name the package and what stands in the way', () => {
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

  it('adds each variation to the value left by the ones before', () => {
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('-750000', { variationId: 'VO-2' }))
      .then([varied('-750000.00', '11000000.00', { variationId: 'VO-2' })]);
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('-11750000.01', { variationId: 'VO-2' }))
      .thenThrows('CONTRACT_VALUE_BELOW_ZERO');
  });
});

describe('ApproveContractVariation', () => {
  it('increases the contract value and records the value after it', () => {
    given([planned, awarded])
      .when(vary('250000'))
      .then([varied('250000.00', '11750000.00')]);
  });

  it('decreases the contract value, down to zero but not below', () => {
    given([planned, awarded])
      .when(vary('-11500000'))
      .then([varied('-11500000.00', '0.00')]);
    given([planned, awarded, varied('-11000000.00', '500000.00')])
      .when(vary('-500000.01', { variationId: 'VO-2' }))
      .thenThrows('CONTRACT_VALUE_BELOW_ZERO');
  });

  it('rejects a variation id used before, a zero change and a change in another currency', () => {
    given([planned, awarded, varied('250000.00', '11750000.00')])
      .when(vary('1000'))
      .thenThrows('DUPLICATE_VARIATION_ID');
    given([planned, awarded]).when(vary('-0')).thenThrows('AMOUNT_NOT_POSITIVE');
    given([planned, awarded])
      .when(command('ApproveContractVariation', { variationId: 'VO-1', amountDelta: { amount: '1000', currency: 'KZT' }, reason: 'x' }))
      .thenThrows('VARIATION_CURRENCY_MISMATCH');
  });

  it('rejects a variation without a reason, dated before the award, or of a contract not awarded', () => {
    given([planned, awarded])
      .when(vary('1000', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
    given([planned, awarded])
      .when(vary('1000', { effectiveDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD');
    given([planned]).when(vary('1000')).thenThrows('CONTRACT_NOT_AWARDED');
    given([]).when(vary('1000')).thenThrows('CONTRACT_PACKAGE_NOT_FOUND');
  });

  it('rejects varying a completed or terminated contract', () => {
    given([planned, awarded, completed]).when(vary('1000')).thenThrows('CONTRACT_CLOSED');
    given([planned, awarded, terminated]).when(vary('1000')).thenThrows('CONTRACT_CLOSED');
  });
});
