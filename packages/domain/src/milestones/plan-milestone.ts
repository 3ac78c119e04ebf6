import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { optionalSource } from '../sourcing/source.js';
import type { PlanMilestone } from './commands.js';
import type { MilestonePlanned } from './events.js';
import { checkMilestoneCategory } from './milestone-category.js';
import type { MilestonesState } from './milestones-state.js';
import type { MilestoneRuleCode } from './rule-codes.js';

export function decidePlanMilestone({ data }: PlanMilestone, state: MilestonesState, { today }: DecisionContext): MilestonePlanned[] {
  checkIdentifier(data.milestoneId, 'milestoneId');
  if (state.milestones.has(data.milestoneId)) {
    throw new DomainRuleViolation<MilestoneRuleCode>('DUPLICATE_MILESTONE_ID', `Milestone ${data.milestoneId} is already planned`, {
      milestoneId: data.milestoneId,
    });
  }
  const category = checkMilestoneCategory(data.category);
  const title = data.title?.trim();
  if (category === 'other' && !title) {
    throw new DomainRuleViolation<MilestoneRuleCode>('MILESTONE_TITLE_REQUIRED', 'A milestone of category other needs a title', {
      milestoneId: data.milestoneId,
    });
  }
  return [
    {
      type: 'MilestonePlanned',
      data: {
        projectId: data.projectId,
        milestoneId: data.milestoneId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        category,
        ...(title ? { title } : {}),
        baselineDate: checkCalendarDate(data.baselineDate, 'baselineDate'),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `PlanMilestone`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const planMilestoneUseCase = useCase('PlanMilestone', decidePlanMilestone);
