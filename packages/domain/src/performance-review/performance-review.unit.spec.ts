import { DEFAULT_RATING_THRESHOLDS, rateDisbursement } from './rate-disbursement.js';
import { reviewPeriodDates } from './review-period.js';
import { performanceReviewStreamId } from './stream.js';

const stricter = { version: 'adb-2027-1', forAttentionGapPoints: 10, atRiskGapPoints: 20 };

describe('RatePerformance', () => {
  it('lives in the stream performance-<projectId>-<period>', () => {
    expect(performanceReviewStreamId('ECAB-TR-02', '2026-Q3')).toBe('performance-ECAB-TR-02-2026-Q3');
  });
});

describe('rateDisbursement', () => {
  it('is on track until disbursement trails elapsed time by more than the for-attention gap, exactly', () => {
    expect(rateDisbursement({ disbursedPct: '40', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('on_track');
    expect(rateDisbursement({ disbursedPct: '39.99', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: 80, elapsedPct: 50 })).toBe('on_track');
  });

  it('is at risk beyond the at-risk gap, and a new threshold version rates the same progress differently', () => {
    expect(rateDisbursement({ disbursedPct: '25', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('for_attention');
    expect(rateDisbursement({ disbursedPct: '24.9', elapsedPct: '55' }, DEFAULT_RATING_THRESHOLDS)).toBe('at_risk');
    expect(rateDisbursement({ disbursedPct: '25', elapsedPct: '55' }, stricter)).toBe('at_risk');
  });

  it('keeps the illustrative defaults of docs/DOMAIN.md §2', () => {
    expect(DEFAULT_RATING_THRESHOLDS).toEqual({ version: 'illustrative-1', forAttentionGapPoints: 15, atRiskGapPoints: 30 });
  });

  it('maps a quarter to its dates', () => {
    expect(reviewPeriodDates('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(reviewPeriodDates('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});
