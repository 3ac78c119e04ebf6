import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { Milestone, MilestonesState } from './milestones-state.js';
import type { MilestoneRuleCode } from './rule-codes.js';

/** A milestone that can still move: planned, neither achieved nor dropped. */
export function requireOpenMilestone(state: MilestonesState, milestoneId: string): Milestone {
  const milestone = state.milestones.get(milestoneId);
  const fail = (code: MilestoneRuleCode, message: string) => new DomainRuleViolation<MilestoneRuleCode>(code, message, { milestoneId });
  if (milestone === undefined) throw fail('MILESTONE_NOT_FOUND', `Milestone ${milestoneId} is not planned`);
  if (milestone.actualDate !== undefined) throw fail('MILESTONE_ALREADY_ACHIEVED', `Milestone ${milestoneId} was achieved on ${milestone.actualDate}`);
  if (milestone.dropped) throw fail('MILESTONE_DROPPED', `Milestone ${milestoneId} was dropped`);
  return milestone;
}
