import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import type { ResolveIssue } from './commands.js';
import type { IssueResolved } from './events.js';
import type { PerformanceReviewState } from './performance-review-state.js';
import { checkReviewPeriod } from './review-period.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

export function decideResolveIssue({ data }: ResolveIssue, state: PerformanceReviewState, { today }: DecisionContext): IssueResolved[] {
  const period = checkReviewPeriod(data.period);
  const issue = state.issues.get(data.issueId);
  const fail = (code: PerformanceReviewRuleCode, message: string) =>
    new DomainRuleViolation<PerformanceReviewRuleCode>(code, message, { issueId: data.issueId });
  if (issue === undefined) throw fail('ISSUE_NOT_FOUND', `Issue ${data.issueId} was not raised`);
  if (issue.resolved) throw fail('ISSUE_ALREADY_RESOLVED', `Issue ${data.issueId} is already resolved`);
  const resolution = requireReason(data.resolution, 'resolution');
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  if (compareIsoDates(effectiveDate, issue.raisedOn) < 0) throw fail('ISSUE_RESOLVED_BEFORE_RAISED', `Issue ${data.issueId} was raised on ${issue.raisedOn}`);
  return [{ type: 'IssueResolved', data: { projectId: data.projectId, period, effectiveDate, issueId: data.issueId, resolution } }];
}

/** `ResolveIssue`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const resolveIssueUseCase = useCase('ResolveIssue', decideResolveIssue);
