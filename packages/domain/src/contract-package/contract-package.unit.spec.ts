import { award, awarded, command, completed, event, given, plan, planned, terminated, usd, vary, varied } from '../test-support/contract-package-fixtures.js';
import { contractAwardRatio } from './contract-award-ratio.js';
import { contractPackageStreamId } from './stream.js';

describe('PlanProcurementPackage', () => {
  it('plans a package with its method, estimated value and planned award date', () => {
    given([]).when(plan()).then([planned]);
  });
  it('accepts a planned award date in the future and cites a source', () => {
    const source = { citation: 'Procurement plan v2', date: '2026-09-01', confidence: 'illustrative' };
    given([])
      .when(plan({ plannedAwardDate: '2028-01-31', source }))
      .then([event('ProcurementPackagePlanned', { ...planned.data, plannedAwardDate: '2028-01-31', source })]);
  });
  it('rejects planning the same package twice', () => {
    given([planned]).when(plan()).thenThrows('CONTRACT_PACKAGE_ALREADY_PLANNED');
  });
  it('rejects an unknown method, a blank title, a bad estimate or planned date, and a future effective date', () => {
    given([])
      .when(plan({ method: 'auction' }))
      .thenThrows('UNKNOWN_PROCUREMENT_METHOD');
    given([])
      .when(plan({ title: '  ' }))
      .thenThrows('CONTRACT_TITLE_REQUIRED');
    given([])
      .when(plan({ estimatedValue: usd('0') }))
      .thenThrows('AMOUNT_NOT_POSITIVE');
    given([])
      .when(plan({ estimatedValue: { amount: '100', currency: 'XYZ' } }))
      .thenThrows('UNKNOWN_CURRENCY');
    given([])
      .when(plan({ plannedAwardDate: '2027-02-29' }))
      .thenThrows('DATE_INVALID');
    given([])
      .when(plan({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
    given([])
      .when(plan({ contractId: ' CW-01' }))
      .thenThrows('IDENTIFIER_INVALID');
  });
  it('lives in the stream contract-<id>', () => {
    expect(contractPackageStreamId('TR-02-CW-01')).toBe('contract-TR-02-CW-01');
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

describe('CompleteContract and TerminateContract', () => {
  it('completes an awarded contract on its completion date', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-20' }))
      .then([completed]);
  });
  it('rejects completion in the future, before the award, of a contract not awarded, or twice', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD');
    given([planned])
      .when(command('CompleteContract', { completionDate: '2026-11-20' }))
      .thenThrows('CONTRACT_NOT_AWARDED');
    given([planned, awarded, completed])
      .when(command('CompleteContract', { completionDate: '2026-11-21' }))
      .thenThrows('CONTRACT_CLOSED');
  });
  it('terminates an awarded contract with a reason', () => {
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Contractor default' }))
      .then([terminated]);
  });
  it('rejects termination without a reason, dated before the award or in the future, of a contract not awarded, or of a closed one', () => {
    given([planned, awarded])
      .when(command('TerminateContract', { reason: '' }))
      .thenThrows('REASON_REQUIRED');
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'x', effectiveDate: '2026-10-01' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD');
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'x', effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
    given([planned])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_NOT_AWARDED');
    given([planned, awarded, terminated])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_CLOSED');
    given([planned, awarded, completed])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_CLOSED');
  });
});

describe('contractAwardRatio', () => {
  it('divides awards in the period by the uncontracted balance at its start plus commitments effective in it, exactly', () => {
    expect(contractAwardRatio({ awardsInPeriod: '11500000', uncontractedBalanceAtStart: '24000000', commitmentsEffectiveInPeriod: '13000000.00' })).toBe(
      0.310811,
    );
    expect(contractAwardRatio({ awardsInPeriod: '0.3', uncontractedBalanceAtStart: '0.1', commitmentsEffectiveInPeriod: '0.2' })).toBe(1);
  });
  it('is undefined when nothing was left to contract', () => {
    expect(contractAwardRatio({ awardsInPeriod: '0', uncontractedBalanceAtStart: '0', commitmentsEffectiveInPeriod: '0' })).toBeUndefined();
  });
  it('refuses values that are not decimals', () => {
    expect(() => contractAwardRatio({ awardsInPeriod: '1e6', uncontractedBalanceAtStart: '1', commitmentsEffectiveInPeriod: '0' })).toThrow(RangeError);
  });
});
