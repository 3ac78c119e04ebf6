import { given, command, event, planned } from '../test-support/milestones-fixtures.js';

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
});
