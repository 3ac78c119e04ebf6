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
