import { milestoneSlippage } from './milestone-slippage.js';
import { milestonesStreamId } from './stream.js';

describe('PlanMilestone', () => {
  it('lives in the stream milestones-<projectId>', () => {
    expect(milestonesStreamId('ECAB-TR-01')).toBe('milestones-ECAB-TR-01');
  });
});

describe('milestoneSlippage', () => {
  it('measures actual, else forecast, against the baseline in days', () => {
    expect(milestoneSlippage({ baselineDate: '2026-11-30', actualDate: '2026-12-05' }, '2027-01-01')).toEqual({ slippageDays: 5, overdue: false });
    expect(milestoneSlippage({ baselineDate: '2026-11-30', forecastDate: '2027-03-01' }, '2026-11-26')).toEqual({ slippageDays: 91, overdue: false });
  });

  it('is overdue once the planned date has passed without achievement, across a leap day', () => {
    expect(milestoneSlippage({ baselineDate: '2024-02-28', forecastDate: '2024-03-01' }, '2024-03-02')).toEqual({ slippageDays: 2, overdue: true });
    expect(milestoneSlippage({ baselineDate: '2024-02-28' }, '2024-02-28')).toEqual({ slippageDays: 0, overdue: false });
    expect(milestoneSlippage({ baselineDate: '2024-02-28', dropped: true }, '2025-01-01').overdue).toBe(false);
  });
});
