import { given, command, event, planned } from '../test-support/milestones-fixtures.js';

describe('AchieveMilestone and DropMilestone', () => {
  it('drops a milestone with a reason only', () => {
    given([planned])
      .when(command('DropMilestone', { reason: 'Replaced by PPP route' }))
      .then([event('MilestoneDropped', { reason: 'Replaced by PPP route' })]);
    given([planned])
      .when(command('DropMilestone', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
  });
});
