import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { achieveMilestoneUseCase } from './achieve-milestone.js';
import { dropMilestoneUseCase } from './drop-milestone.js';
import { planMilestoneUseCase } from './plan-milestone.js';
import { rescheduleMilestoneUseCase } from './reschedule-milestone.js';
import type { MilestoneCommand } from './commands.js';
import type { MilestoneEvent } from './events.js';
import { evolveMilestones, initialMilestonesState, type MilestonesState } from './milestones-state.js';

/** A project's milestones. Pure. */
export const decideMilestones: (command: MilestoneCommand, state: MilestonesState, context: DecisionContext) => MilestoneEvent[] = decideByUseCase(
  'milestone',
  [planMilestoneUseCase, rescheduleMilestoneUseCase, achieveMilestoneUseCase, dropMilestoneUseCase],
);

export const milestonesDecider: Decider<MilestoneCommand, MilestoneEvent, MilestonesState, DecisionContext> = {
  decide: decideMilestones,
  evolve: evolveMilestones,
  initialState: initialMilestonesState,
};
