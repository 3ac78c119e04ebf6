import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { checkActualDate, daysBetween } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { AchieveMilestone } from './commands.js';
import type { MilestoneAchieved } from './events.js';
import type { MilestonesState } from './milestones-state.js';
import { requireOpenMilestone } from './open-milestone.js';

export function decideAchieveMilestone({ data }: AchieveMilestone, state: MilestonesState, { today }: DecisionContext): MilestoneAchieved[] {
  const milestone = requireOpenMilestone(state, data.milestoneId);
  const actualDate = checkActualDate(data.actualDate, 'actualDate', today);
  return [
    {
      type: 'MilestoneAchieved',
      data: {
        projectId: data.projectId,
        milestoneId: data.milestoneId,
        effectiveDate: actualDate,
        actualDate,
        slippageDays: daysBetween(milestone.baselineDate, actualDate),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `AchieveMilestone`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const achieveMilestoneUseCase = useCase('AchieveMilestone', decideAchieveMilestone);
