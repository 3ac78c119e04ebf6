import { achieveMilestoneEndpoint } from './achieve-milestone/achieve-milestone.endpoint.js';
import { dropMilestoneEndpoint } from './drop-milestone/drop-milestone.endpoint.js';
import { planMilestoneEndpoint } from './plan-milestone/plan-milestone.endpoint.js';
import { rescheduleMilestoneEndpoint } from './reschedule-milestone/reschedule-milestone.endpoint.js';

/**
 * The milestone use cases, one folder each; this table is their table of contents, in the order a
 * milestone lives them: planned, rescheduled, then achieved or dropped (the examples run in this
 * order end to end).
 */
export const milestoneEndpoints = [planMilestoneEndpoint, rescheduleMilestoneEndpoint, achieveMilestoneEndpoint, dropMilestoneEndpoint];
