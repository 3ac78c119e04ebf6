import { contractAwardRatio } from './contract-award-ratio.js';
import { contractPackageStreamId } from './stream.js';

describe('PlanProcurementPackage', () => {
  it('lives in the stream contract-<id>', () => {
    expect(contractPackageStreamId('TR-02-CW-01')).toBe('contract-TR-02-CW-01');
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
