import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { MilestoneCommand } from './commands.js';
import { milestonesDecider } from './decide.js';
import type { MilestoneEvent } from './events.js';

const given = deciderSpecification(milestonesDecider, context);
const ids = { projectId: 'ECAB-TR-01', milestoneId: 'FS-APPROVED' };
const command = (type: MilestoneCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as MilestoneCommand;
const event = (type: MilestoneEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as MilestoneEvent;
const planned = event('MilestonePlanned', { category: 'fs-approved', baselineDate: '2026-11-30' });

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
