import type { PerformanceReviewEvent } from './events.js';

export interface ReviewIssue {
  readonly raisedOn: string;
  readonly resolved: boolean;
}

export interface PerformanceReviewState {
  readonly rated: boolean;
  readonly issues: ReadonlyMap<string, ReviewIssue>;
  readonly riskIds: ReadonlySet<string>;
}

export function initialPerformanceReviewState(): PerformanceReviewState {
  return { rated: false, issues: new Map(), riskIds: new Set() };
}

export function evolvePerformanceReview(state: PerformanceReviewState, event: PerformanceReviewEvent): PerformanceReviewState {
  switch (event.type) {
    case 'PerformanceRated':
      return { ...state, rated: true };
    case 'IssueRaised':
      return { ...state, issues: new Map(state.issues).set(event.data.issueId, { raisedOn: event.data.effectiveDate, resolved: false }) };
    case 'IssueResolved': {
      const issue = state.issues.get(event.data.issueId);
      return issue ? { ...state, issues: new Map(state.issues).set(event.data.issueId, { ...issue, resolved: true }) } : state;
    }
    case 'RiskRegistered':
      return { ...state, riskIds: new Set(state.riskIds).add(event.data.riskId) };
  }
}
