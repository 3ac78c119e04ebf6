import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { MilestoneCommand } from './commands.js';
import { milestonesDecider } from './decide.js';
import type { MilestoneEvent } from './events.js';
import { milestoneSlippage } from './milestone-slippage.js';
import { milestonesStreamId } from './stream.js';

const given = deciderSpecification(milestonesDecider, context);
const ids = { projectId: 'ECAB-TR-01', milestoneId: 'FS-APPROVED' };
const command = (type: MilestoneCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as MilestoneCommand;
const event = (type: MilestoneEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as MilestoneEvent;
const planned = event('MilestonePlanned', { category: 'fs-approved', baselineDate: '2026-11-30' });

describe('PlanMilestone', () => {
  it('plans a milestone with its baseline date', () => {
    given([])
      .when(command('PlanMilestone', { category: 'fs-approved', baselineDate: '2026-11-30' }))
      .then([planned]);
  });
  it('rejects a milestone id used before, an unknown category, and other without a title', () => {
    given([planned])
      .when(command('PlanMilestone', { category: 'signing', baselineDate: '2027-01-01' }))
      .thenThrows('DUPLICATE_MILESTONE_ID');
    given([])
      .when(command('PlanMilestone', { category: 'groundbreaking', baselineDate: '2027-01-01' }))
      .thenThrows('UNKNOWN_MILESTONE_CATEGORY');
    given([])
      .when(command('PlanMilestone', { category: 'other', title: ' ', baselineDate: '2027-01-01' }))
      .thenThrows('MILESTONE_TITLE_REQUIRED');
  });
  it('rejects a baseline date that does not exist', () => {
    given([])
      .when(command('PlanMilestone', { category: 'signing', baselineDate: '2027-02-29' }))
      .thenThrows('DATE_INVALID');
  });
  it('lives in the stream milestones-<projectId>', () => {
    expect(milestonesStreamId('ECAB-TR-01')).toBe('milestones-ECAB-TR-01');
  });
});

describe('RescheduleMilestone', () => {
  it('moves the forecast with a reason and records the slippage against the baseline', () => {
    given([planned])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01', reason: 'Survey season lost' }))
      .then([event('MilestoneRescheduled', { previousDate: '2026-11-30', newDate: '2027-03-01', reason: 'Survey season lost', slippageDays: 91 })]);
  });
  it('rejects a reschedule without a reason, to the same date, or of an unknown milestone', () => {
    given([planned])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01', reason: '' }))
      .thenThrows('REASON_REQUIRED');
    given([planned])
      .when(command('RescheduleMilestone', { newDate: '2026-11-30', reason: 'x' }))
      .thenThrows('MILESTONE_DATE_UNCHANGED');
    given([])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01', reason: 'x' }))
      .thenThrows('MILESTONE_NOT_FOUND');
  });
  it('rejects moving an achieved or dropped milestone', () => {
    given([planned, event('MilestoneAchieved', { actualDate: '2026-11-20', slippageDays: -10 })])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01', reason: 'x' }))
      .thenThrows('MILESTONE_ALREADY_ACHIEVED');
    given([planned, event('MilestoneDropped', { reason: 'x' })])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01', reason: 'x' }))
      .thenThrows('MILESTONE_DROPPED');
  });
});

describe('AchieveMilestone and DropMilestone', () => {
  it('achieves a milestone on its actual date, effective that day', () => {
    given([planned])
      .when(command('AchieveMilestone', { actualDate: '2026-11-20' }))
      .then([event('MilestoneAchieved', { effectiveDate: '2026-11-20', actualDate: '2026-11-20', slippageDays: -10 })]);
  });
  it('rejects an actual date in the future and achieving twice', () => {
    given([planned])
      .when(command('AchieveMilestone', { actualDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([planned, event('MilestoneAchieved', { actualDate: '2026-11-20', slippageDays: -10 })])
      .when(command('AchieveMilestone', { actualDate: '2026-11-21' }))
      .thenThrows('MILESTONE_ALREADY_ACHIEVED');
  });
  it('drops a milestone with a reason only', () => {
    given([planned])
      .when(command('DropMilestone', { reason: 'Replaced by PPP route' }))
      .then([event('MilestoneDropped', { reason: 'Replaced by PPP route' })]);
    given([planned])
      .when(command('DropMilestone', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
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
