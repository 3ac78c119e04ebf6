import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkCalendarDate, daysBetween, resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import type { RescheduleMilestone } from './commands.js';
import type { MilestoneRescheduled } from './events.js';
import type { MilestonesState } from './milestones-state.js';
import { requireOpenMilestone } from './open-milestone.js';
import type { MilestoneRuleCode } from './rule-codes.js';

/** Moves the forecast, never the baseline: slippage stays measured against the original plan. */
export function decideRescheduleMilestone({ data }: RescheduleMilestone, state: MilestonesState, { today }: DecisionContext): MilestoneRescheduled[] {
  const milestone = requireOpenMilestone(state, data.milestoneId);
  const newDate = checkCalendarDate(data.newDate, 'newDate');
  if (newDate === milestone.forecastDate) {
    throw new DomainRuleViolation<MilestoneRuleCode>('MILESTONE_DATE_UNCHANGED', `Milestone ${data.milestoneId} is already planned for ${newDate}`, {
      newDate,
    });
  }
  const reason = requireReason(data.reason);
  return [
    {
      type: 'MilestoneRescheduled',
      data: {
        projectId: data.projectId,
        milestoneId: data.milestoneId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        previousDate: milestone.forecastDate,
        newDate,
        reason,
        slippageDays: daysBetween(milestone.baselineDate, newDate),
      },
    },
  ];
}

/** `RescheduleMilestone`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const rescheduleMilestoneUseCase = useCase('RescheduleMilestone', decideRescheduleMilestone);
