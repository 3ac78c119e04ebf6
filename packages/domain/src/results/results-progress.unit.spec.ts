import { resultsProgress } from './results-progress.js';

describe('resultsProgress', () => {
  it.each([
    ['ascending, halfway', '0', '21', '10.5', 0.5],
    ['decimal-safe: 0.1 → 0.3 at 0.2 is exactly one half', '0.1', '0.3', '0.2', 0.5],
    ['descending (PM2.5 96 → 60 at 78)', '96', '60', '78', 0.5],
    ['clamped at 0 when worse than the baseline', '96', '60', '120', 0],
    ['clamped at 1 beyond the target', '0', '50', '64', 1],
    ['a third, rounded to 6 decimals', '0', '3', '1', 0.333333],
    ['very large values beyond Number precision', '9007199254740993', '9007199254740995', '9007199254740994', 0.5],
  ])('%s', (_name, baseline, target, actual, expected) => {
    expect(resultsProgress(baseline, target, actual)).toBe(expected);
  });

  it('is undefined when the target equals the baseline, whatever the notation', () => {
    expect(resultsProgress('1', '1.00', '2')).toBeUndefined();
  });

  it('refuses values that are not decimals, which the rules never let in', () => {
    expect(() => resultsProgress('0', 'ten', '1')).toThrow(RangeError);
  });
});
