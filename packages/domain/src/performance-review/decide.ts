import type { DecisionContext, Decider } from '../decider/decider.js';
import type { PerformanceReviewCommand } from './commands.js';
import type { PerformanceReviewEvent } from './events.js';
import { evolvePerformanceReview, initialPerformanceReviewState, type PerformanceReviewState } from './performance-review-state.js';
import { decideRaiseIssue } from './raise-issue.js';
import { decideRatePerformance } from './rate-performance.js';
import { decideRegisterRisk } from './register-risk.js';
import { decideResolveIssue } from './resolve-issue.js';

/** A project's quarterly performance review: ratings, issues and risks. Pure. */
export function decidePerformanceReview(command: PerformanceReviewCommand, state: PerformanceReviewState, context: DecisionContext): PerformanceReviewEvent[] {
  switch (command.type) {
    case 'RatePerformance':
      return decideRatePerformance(command, state, context);
    case 'RaiseIssue':
      return decideRaiseIssue(command, state, context);
    case 'ResolveIssue':
      return decideResolveIssue(command, state, context);
    case 'RegisterRisk':
      return decideRegisterRisk(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown performance review command ${JSON.stringify(unknown)}`);
    }
  }
}

export const performanceReviewDecider: Decider<PerformanceReviewCommand, PerformanceReviewEvent, PerformanceReviewState, DecisionContext> = {
  decide: decidePerformanceReview,
  evolve: evolvePerformanceReview,
  initialState: initialPerformanceReviewState,
};
