import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { raiseIssueUseCase } from './raise-issue.js';
import { ratePerformanceUseCase } from './rate-performance.js';
import { registerRiskUseCase } from './register-risk.js';
import { resolveIssueUseCase } from './resolve-issue.js';
import type { PerformanceReviewCommand } from './commands.js';
import type { PerformanceReviewEvent } from './events.js';
import { evolvePerformanceReview, initialPerformanceReviewState, type PerformanceReviewState } from './performance-review-state.js';

/** A project's quarterly performance review: ratings, issues and risks. Pure. */
export const decidePerformanceReview: (command: PerformanceReviewCommand, state: PerformanceReviewState, context: DecisionContext) => PerformanceReviewEvent[] =
  decideByUseCase('performance review', [ratePerformanceUseCase, raiseIssueUseCase, resolveIssueUseCase, registerRiskUseCase]);

export const performanceReviewDecider: Decider<PerformanceReviewCommand, PerformanceReviewEvent, PerformanceReviewState, DecisionContext> = {
  decide: decidePerformanceReview,
  evolve: evolvePerformanceReview,
  initialState: initialPerformanceReviewState,
};
