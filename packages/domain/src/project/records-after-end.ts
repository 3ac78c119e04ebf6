import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import type { ProjectState } from './project-state.js';
import type { ProjectRuleCode } from './rule-codes.js';

/**
 * What may still be recorded for a project after it ended (closed or cancelled): winding it down —
 * the undisbursed balance cancelled, a mistaken record reversed, an unachieved milestone dropped, an
 * open issue resolved, a contract terminated.
 */
export const WINDING_DOWN_EVENTS: ReadonlySet<string> = new Set([
  'FundsCancelled',
  'TransactionReversed',
  'MilestoneDropped',
  'IssueResolved',
  'ContractTerminated',
]);

/**
 * A project's other records (its agreements, contracts, milestones, results and reviews) stop when the
 * project ends: an event effective after the day it was closed or cancelled is refused, unless it winds
 * the project down. A late report of something effective on or before that day is still accepted.
 */
export function refuseRecordsAfterEnd(project: ProjectState, events: readonly { type: string; data: object }[]): void {
  if (!project.exists || project.endedOn === undefined) return;
  const endedOn = project.endedOn;
  for (const { type, data } of events) {
    const effectiveDate = (data as { effectiveDate?: unknown }).effectiveDate;
    if (WINDING_DOWN_EVENTS.has(type) || typeof effectiveDate !== 'string' || compareIsoDates(effectiveDate, endedOn) <= 0) continue;
    const ended = project.status === '5' ? 'cancelled' : 'closed';
    throw new DomainRuleViolation<ProjectRuleCode>(
      'PROJECT_ENDED',
      `Project ${project.projectId} was ${ended} on ${endedOn}; nothing new is recorded for it after that day (${type} effective ${effectiveDate})`,
      { projectId: project.projectId, status: project.status, endedOn, eventType: type, effectiveDate },
    );
  }
}
