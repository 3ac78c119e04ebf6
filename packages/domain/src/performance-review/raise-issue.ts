import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { RaiseIssue } from './commands.js';
import type { IssueRaised } from './events.js';
import type { PerformanceReviewState } from './performance-review-state.js';
import { checkDimension } from './ratings.js';
import { requireStartedPeriod } from './review-period.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

export function decideRaiseIssue({ data }: RaiseIssue, state: PerformanceReviewState, { today }: DecisionContext): IssueRaised[] {
  const period = requireStartedPeriod(data.period, today, 'an issue cannot be raised for it yet');
  checkIdentifier(data.issueId, 'issueId');
  if (state.issues.has(data.issueId)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('DUPLICATE_ISSUE_ID', `Issue ${data.issueId} is already raised`, { issueId: data.issueId });
  }
  const description = data.description.trim();
  if (description === '')
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('ISSUE_DESCRIPTION_REQUIRED', 'An issue needs a description', { issueId: data.issueId });
  return [
    {
      type: 'IssueRaised',
      data: {
        projectId: data.projectId,
        period,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        issueId: data.issueId,
        description,
        ...(data.dimension !== undefined ? { dimension: checkDimension(data.dimension) } : {}),
      },
    },
  ];
}

/** `RaiseIssue`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const raiseIssueUseCase = useCase('RaiseIssue', decideRaiseIssue);
