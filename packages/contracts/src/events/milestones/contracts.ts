import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { milestoneAchievedV1, milestoneDroppedV1, milestonePlannedV1, milestoneRescheduledV1 } from './index.js';

/** Milestones: one stream per project holds all its milestones. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const MILESTONE_CONTRACTS: readonly EventContract[] = [
  publishedEvent('MilestonePlanned', { schema: milestonePlannedV1, description: 'A milestone of a project was planned, with its baseline date.' }),
  publishedEvent('MilestoneRescheduled', {
    schema: milestoneRescheduledV1,
    description: 'A milestone was moved to a new date; the slippage is counted against its baseline.',
  }),
  publishedEvent('MilestoneAchieved', { schema: milestoneAchievedV1, description: 'A milestone was achieved, on, ahead of or behind its baseline date.' }),
  publishedEvent('MilestoneDropped', { schema: milestoneDroppedV1, description: 'A planned milestone was dropped.' }),
];
