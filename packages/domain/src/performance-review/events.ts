import type { Event, EventPublication } from '../decider/decider.js';
import type { RatingThresholds } from './rate-disbursement.js';
import type { DimensionRatings, PerformanceDimension, PerformanceRating, WorldBankRating } from './ratings.js';
import type { RiskLevel } from './risk-level.js';

export interface PerformanceFact {
  projectId: string;
  period: string;
  effectiveDate: string;
}

/** Records the thresholds it was rated under, so later threshold changes leave it as it was. */
export type PerformanceRated = Event<
  'PerformanceRated',
  PerformanceFact & {
    ratings: DimensionRatings;
    overall: PerformanceRating;
    worldBankRating?: WorldBankRating;
    disbursementProgress?: { disbursedPct: string; elapsedPct: string };
    thresholds: RatingThresholds;
    rationale?: string;
    /** Present when an earlier rating of the period is corrected. */
    correctionReason?: string;
  }
>;
export type IssueRaised = Event<'IssueRaised', PerformanceFact & { issueId: string; description: string; dimension?: PerformanceDimension }>;
export type IssueResolved = Event<'IssueResolved', PerformanceFact & { issueId: string; resolution: string }>;
export type RiskRegistered = Event<
  'RiskRegistered',
  PerformanceFact & { riskId: string; description: string; likelihood: RiskLevel; impact: RiskLevel; mitigation: string; dimension?: PerformanceDimension }
>;

export type PerformanceReviewEvent = PerformanceRated | IssueRaised | IssueResolved | RiskRegistered;
export type PerformanceReviewEventType = PerformanceReviewEvent['type'];

export const PERFORMANCE_REVIEW_EVENT_SCHEMA_VERSION = {
  PerformanceRated: 1,
  IssueRaised: 1,
  IssueResolved: 1,
  RiskRegistered: 1,
} as const satisfies Record<PerformanceReviewEventType, number>;

/** docs/DOMAIN.md §3.2: ratings go to funders and co-chairs; issues and risks stay internal. */
export const PERFORMANCE_REVIEW_EVENT_PUBLICATION = {
  PerformanceRated: { event: 'rated', partnerFacing: true },
  IssueRaised: { event: 'issue-raised', partnerFacing: false },
  IssueResolved: { event: 'issue-resolved', partnerFacing: false },
  RiskRegistered: { event: 'risk-registered', partnerFacing: false },
} as const satisfies Record<PerformanceReviewEventType, EventPublication>;
