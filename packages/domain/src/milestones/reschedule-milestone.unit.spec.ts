import { given, command, event, planned } from '../test-support/milestones-fixtures.js';

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
