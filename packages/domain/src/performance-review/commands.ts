import type { Command } from '../decider/decider.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { Correction } from '../reasons/reason.js';
import type { DisbursementProgress, RatingThresholds } from './rate-disbursement.js';

export interface ReviewRef {
  projectId: string;
  /** YYYY-Qn, e.g. 2026-Q3. */
  period: string;
}

/**
 * Ratings per dimension (on_track / for_attention / at_risk) and overall. The disbursements rating
 * may be left to `rateDisbursement` by giving `disbursementProgress`; `thresholds` default to
 * DEFAULT_RATING_THRESHOLDS. Rating a period again needs a correction with a reason.
 */
export type RatePerformance = Command<
  'RatePerformance',
  ReviewRef & {
    ratings: Partial<Record<string, string>>;
    overall: string;
    worldBankRating?: string;
    disbursementProgress?: DisbursementProgress;
    thresholds?: RatingThresholds;
    rationale?: string;
    correction?: Correction;
  } & EffectiveDated
>;
export type RaiseIssue = Command<'RaiseIssue', ReviewRef & { issueId: string; description: string; dimension?: string } & EffectiveDated>;
export type ResolveIssue = Command<'ResolveIssue', ReviewRef & { issueId: string; resolution: string } & EffectiveDated>;
export type RegisterRisk = Command<
  'RegisterRisk',
  ReviewRef & { riskId: string; description: string; likelihood: string; impact: string; mitigation: string; dimension?: string } & EffectiveDated
>;

export type PerformanceReviewCommand = RatePerformance | RaiseIssue | ResolveIssue | RegisterRisk;
