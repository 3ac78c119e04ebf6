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
  it('drops a milestone with a reason only', () => {
    given([planned])
      .when(command('DropMilestone', { reason: 'Replaced by PPP route' }))
      .then([event('MilestoneDropped', { reason: 'Replaced by PPP route' })]);
    given([planned])
      .when(command('DropMilestone', { reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
  });
});
