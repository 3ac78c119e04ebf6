import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import type { DropMilestone } from './commands.js';
import type { MilestoneDropped } from './events.js';
import type { MilestonesState } from './milestones-state.js';
import { requireOpenMilestone } from './open-milestone.js';

export function decideDropMilestone({ data }: DropMilestone, state: MilestonesState, { today }: DecisionContext): MilestoneDropped[] {
  requireOpenMilestone(state, data.milestoneId);
  const reason = requireReason(data.reason);
  return [
    {
      type: 'MilestoneDropped',
      data: { projectId: data.projectId, milestoneId: data.milestoneId, effectiveDate: resolveEffectiveDate(data.effectiveDate, today), reason },
    },
  ];
}

/** `DropMilestone`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const dropMilestoneUseCase = useCase('DropMilestone', decideDropMilestone);
