import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { MilestoneCommand } from './commands.js';
import { milestonesDecider } from './decide.js';
import type { MilestoneEvent } from './events.js';
import { milestoneSlippage } from './milestone-slippage.js';

// What a client sees when a milestone command is refused, and what each recorded event changes for the next one.

const given = deciderSpecification(milestonesDecider, context);
const ids = { projectId: 'ECAB-TR-01', milestoneId: 'FS-APPROVED' };
const command = (type: MilestoneCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as MilestoneCommand;
const event = (type: MilestoneEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as MilestoneEvent;
const planned = event('MilestonePlanned', { category: 'fs-approved', baselineDate: '2026-11-30' });
const achieved = event('MilestoneAchieved', { actualDate: '2026-11-20', slippageDays: -10 });
const dropped = event('MilestoneDropped', { reason: 'x' });
const reschedule = (newDate: string) => command('RescheduleMilestone', { newDate, reason: 'Survey season lost' });

describe('refusals name the milestone', () => {
  it('not planned, achieved, dropped, or already planned for that date', () => {
    given([])
      .when(reschedule('2027-03-01'))
      .thenThrows('MILESTONE_NOT_FOUND', { message: 'Milestone FS-APPROVED is not planned', details: { milestoneId: 'FS-APPROVED' } });
    given([planned, achieved])
      .when(reschedule('2027-03-01'))
      .thenThrows('MILESTONE_ALREADY_ACHIEVED', {
        message: 'Milestone FS-APPROVED was achieved on 2026-11-20',
        details: { milestoneId: 'FS-APPROVED' },
      });
    given([planned, dropped])
      .when(command('AchieveMilestone', { actualDate: '2026-11-20' }))
      .thenThrows('MILESTONE_DROPPED', {
        message: 'Milestone FS-APPROVED was dropped',
        details: { milestoneId: 'FS-APPROVED' },
      });
    given([planned])
      .when(reschedule('2026-11-30'))
      .thenThrows('MILESTONE_DATE_UNCHANGED', { message: 'Milestone FS-APPROVED is already planned for 2026-11-30', details: { newDate: '2026-11-30' } });
  });

  it('checks the milestone id and the reasons', () => {
    given([])
      .when(command('PlanMilestone', { milestoneId: ' ', category: 'signing', baselineDate: '2027-01-01' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'milestoneId' });
    given([planned])
      .when(command('RescheduleMilestone', { newDate: '2027-03-01' }))
      .thenThrows('REASON_REQUIRED', { field: 'reason' });
  });
});

describe('what is recorded', () => {
  it('measures a second reschedule from the new forecast, and slippage from the baseline', () => {
    const moved = event('MilestoneRescheduled', { previousDate: '2026-11-30', newDate: '2027-03-01', reason: 'x', slippageDays: 91 });
    given([planned, moved]).when(reschedule('2027-03-01')).thenThrows('MILESTONE_DATE_UNCHANGED');
    given([planned, moved])
      .when(reschedule('2026-11-30'))
      .then([event('MilestoneRescheduled', { previousDate: '2027-03-01', newDate: '2026-11-30', reason: 'Survey season lost', slippageDays: 0 })]);
    given([planned, moved])
      .when(command('AchieveMilestone', { actualDate: '2026-11-26' }))
      .then([event('MilestoneAchieved', { actualDate: '2026-11-26', slippageDays: -4 })]);
  });

  it('keeps the other milestones of the project apart', () => {
    const other = { ...planned, data: { ...planned.data, milestoneId: 'SIGNING' } } as MilestoneEvent;
    given([planned, other, dropped])
      .when(command('AchieveMilestone', { milestoneId: 'SIGNING', actualDate: '2026-11-20' }))
      .then([event('MilestoneAchieved', { milestoneId: 'SIGNING', effectiveDate: '2026-11-20', actualDate: '2026-11-20', slippageDays: -10 })]);
    given([dropped, achieved]).when(reschedule('2027-01-01')).thenThrows('MILESTONE_NOT_FOUND');
  });

  it('keeps the source of an achievement and the effective date of a drop', () => {
    const source = { citation: 'Signing ceremony press release', confidence: 'confirmed' };
    given([planned])
      .when(command('AchieveMilestone', { actualDate: '2026-11-20', source }))
      .then([event('MilestoneAchieved', { effectiveDate: '2026-11-20', actualDate: '2026-11-20', slippageDays: -10, source })]);
    given([planned])
      .when(command('DropMilestone', { reason: 'x', effectiveDate: '2026-11-01' }))
      .then([event('MilestoneDropped', { reason: 'x', effectiveDate: '2026-11-01' })]);
  });
});

describe('slippage edges', () => {
  it('is not overdue on the planned day, nor once achieved', () => {
    expect(milestoneSlippage({ baselineDate: '2026-11-26' }, '2026-11-26').overdue).toBe(false);
    expect(milestoneSlippage({ baselineDate: '2026-11-25' }, '2026-11-26').overdue).toBe(true);
    expect(milestoneSlippage({ baselineDate: '2026-11-01', actualDate: '2026-11-20' }, '2026-11-26')).toEqual({ slippageDays: 19, overdue: false });
    expect(milestoneSlippage({ baselineDate: '2026-11-01', forecastDate: '2026-12-01' }, '2026-11-26')).toEqual({ slippageDays: 30, overdue: false });
  });
});
