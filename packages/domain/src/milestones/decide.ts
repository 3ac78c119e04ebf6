import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideAchieveMilestone } from './achieve-milestone.js';
import type { MilestoneCommand } from './commands.js';
import { decideDropMilestone } from './drop-milestone.js';
import type { MilestoneEvent } from './events.js';
import { evolveMilestones, initialMilestonesState, type MilestonesState } from './milestones-state.js';
import { decidePlanMilestone } from './plan-milestone.js';
import { decideRescheduleMilestone } from './reschedule-milestone.js';

/** A project's milestones. Pure. */
export function decideMilestones(command: MilestoneCommand, state: MilestonesState, context: DecisionContext): MilestoneEvent[] {
  switch (command.type) {
    case 'PlanMilestone':
      return decidePlanMilestone(command, state, context);
    case 'RescheduleMilestone':
      return decideRescheduleMilestone(command, state, context);
    case 'AchieveMilestone':
      return decideAchieveMilestone(command, state, context);
    case 'DropMilestone':
      return decideDropMilestone(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown milestone command ${JSON.stringify(unknown)}`);
    }
  }
}

export const milestonesDecider: Decider<MilestoneCommand, MilestoneEvent, MilestonesState, DecisionContext> = {
  decide: decideMilestones,
  evolve: evolveMilestones,
  initialState: initialMilestonesState,
};
