import type { Event, EventPublication } from '../decider/decider.js';
import type { Source } from '../sourcing/source.js';
import type { MilestoneCategory } from './milestone-category.js';

export interface MilestoneFact {
  projectId: string;
  milestoneId: string;
  effectiveDate: string;
}

export type MilestonePlanned = Event<
  'MilestonePlanned',
  MilestoneFact & { category: MilestoneCategory; title?: string; baselineDate: string; source?: Source }
>;
/** `slippageDays`: the new date against the baseline, as it stood when rescheduled. */
export type MilestoneRescheduled = Event<
  'MilestoneRescheduled',
  MilestoneFact & { previousDate: string; newDate: string; reason: string; slippageDays: number }
>;
export type MilestoneAchieved = Event<'MilestoneAchieved', MilestoneFact & { actualDate: string; slippageDays: number; source?: Source }>;
export type MilestoneDropped = Event<'MilestoneDropped', MilestoneFact & { reason: string }>;

export type MilestoneEvent = MilestonePlanned | MilestoneRescheduled | MilestoneAchieved | MilestoneDropped;
export type MilestoneEventType = MilestoneEvent['type'];

export const MILESTONE_EVENT_SCHEMA_VERSION = {
  MilestonePlanned: 1,
  MilestoneRescheduled: 1,
  MilestoneAchieved: 1,
  MilestoneDropped: 1,
} as const satisfies Record<MilestoneEventType, number>;

/** docs/DOMAIN.md §3.2: achieved or rescheduled milestones go to partners; plans being drafted do not. */
export const MILESTONE_EVENT_PUBLICATION = {
  MilestonePlanned: { event: 'planned', partnerFacing: false },
  MilestoneRescheduled: { event: 'rescheduled', partnerFacing: true },
  MilestoneAchieved: { event: 'achieved', partnerFacing: true },
  MilestoneDropped: { event: 'dropped', partnerFacing: false },
} as const satisfies Record<MilestoneEventType, EventPublication>;
