import type { Command } from '../decider/decider.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { Source } from '../sourcing/source.js';

export type PlanMilestone = Command<
  'PlanMilestone',
  { projectId: string; milestoneId: string; category: string; title?: string; baselineDate: string; source?: Source } & EffectiveDated
>;
export type RescheduleMilestone = Command<'RescheduleMilestone', { projectId: string; milestoneId: string; newDate: string; reason: string } & EffectiveDated>;
export type AchieveMilestone = Command<'AchieveMilestone', { projectId: string; milestoneId: string; actualDate: string; source?: Source }>;
export type DropMilestone = Command<'DropMilestone', { projectId: string; milestoneId: string; reason: string } & EffectiveDated>;

export type MilestoneCommand = PlanMilestone | RescheduleMilestone | AchieveMilestone | DropMilestone;
