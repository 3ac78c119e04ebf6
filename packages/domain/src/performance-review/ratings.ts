import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

/** What ADB rates each quarter, besides the overall rating (docs/DOMAIN.md §2). */
export const PERFORMANCE_DIMENSIONS = ['outputs', 'contract_awards', 'disbursements', 'financial_management', 'safeguards'] as const;
export type PerformanceDimension = (typeof PERFORMANCE_DIMENSIONS)[number];

export const PERFORMANCE_RATINGS = ['on_track', 'for_attention', 'at_risk'] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

/** World Bank / IEG six-point scale, optional alongside the ADB-style rating. */
export const WORLD_BANK_RATINGS = ['HS', 'S', 'MS', 'MU', 'U', 'HU'] as const;
export type WorldBankRating = (typeof WORLD_BANK_RATINGS)[number];

export type DimensionRatings = Readonly<Record<PerformanceDimension, PerformanceRating>>;

export function checkDimension(value: string): PerformanceDimension {
  if (!(PERFORMANCE_DIMENSIONS as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('UNKNOWN_PERFORMANCE_DIMENSION', `${JSON.stringify(value)} is not a performance dimension`, {
      dimension: value,
      allowed: PERFORMANCE_DIMENSIONS,
    });
  }
  return value as PerformanceDimension;
}

export function checkRating(value: string, dimension: string): PerformanceRating {
  if (!(PERFORMANCE_RATINGS as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('UNKNOWN_PERFORMANCE_RATING', `${JSON.stringify(value)} is not a rating for ${dimension}`, {
      dimension,
      rating: String(value),
      allowed: PERFORMANCE_RATINGS,
    });
  }
  return value as PerformanceRating;
}

export function checkWorldBankRating(value: string): WorldBankRating {
  if (!(WORLD_BANK_RATINGS as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('UNKNOWN_WORLD_BANK_RATING', `${JSON.stringify(value)} is not on the HS–HU scale`, {
      rating: String(value),
      allowed: WORLD_BANK_RATINGS,
    });
  }
  return value as WorldBankRating;
}
