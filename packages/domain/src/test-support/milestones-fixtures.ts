import { context } from './decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { MilestoneCommand } from '../milestones/commands.js';
import { milestonesDecider } from '../milestones/decide.js';
import type { MilestoneEvent } from '../milestones/events.js';

/** The Given/When/Then fixtures the milestone use cases' specs share: one project's milestone commands and events. */
export const given = deciderSpecification(milestonesDecider, context);
export const ids = { projectId: 'ECAB-TR-01', milestoneId: 'FS-APPROVED' };
export const command = (type: MilestoneCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as MilestoneCommand;
export const event = (type: MilestoneEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as MilestoneEvent;
export const planned = event('MilestonePlanned', { category: 'fs-approved', baselineDate: '2026-11-30' });
