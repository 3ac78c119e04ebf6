import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkDecimal, compareDecimals, parseDecimal, subtractDecimals, type ExactDecimal } from '../decimal/decimal.js';
import type { PerformanceRating } from './ratings.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

/**
 * When disbursement is rated for attention or at risk: by how many percentage points the disbursed
 * share may trail the elapsed share of the implementation period. Configurable and versioned
 * (docs/DOMAIN.md §7): each rating records the thresholds it used, so a change never rewrites past ratings.
 */
export interface RatingThresholds {
  readonly version: string;
  readonly forAttentionGapPoints: number;
  readonly atRiskGapPoints: number;
}

/** ILLUSTRATIVE (docs/DOMAIN.md §2): ADB's actual thresholds are unconfirmed. */
export const DEFAULT_RATING_THRESHOLDS: RatingThresholds = { version: 'illustrative-1', forAttentionGapPoints: 15, atRiskGapPoints: 30 };

/** Disbursed % of net commitment and elapsed % of effectiveness-to-closing, as decimal strings (or numbers). */
export interface DisbursementProgress {
  readonly disbursedPct: string | number;
  readonly elapsedPct: string | number;
}

function exact(value: string | number, name: string): ExactDecimal {
  const parsed = parseDecimal(String(value));
  if (parsed === undefined) throw new RangeError(`${name} is not a decimal value: ${JSON.stringify(value)}`);
  return parsed;
}

/** on_track unless disbursed % trails elapsed % by more than the thresholds; computed on exact decimals. */
export function rateDisbursement(progress: DisbursementProgress, thresholds: RatingThresholds = DEFAULT_RATING_THRESHOLDS): PerformanceRating {
  const gap = subtractDecimals(exact(progress.elapsedPct, 'elapsedPct'), exact(progress.disbursedPct, 'disbursedPct'));
  if (compareDecimals(gap, exact(thresholds.atRiskGapPoints, 'atRiskGapPoints')) > 0) return 'at_risk';
  if (compareDecimals(gap, exact(thresholds.forAttentionGapPoints, 'forAttentionGapPoints')) > 0) return 'for_attention';
  return 'on_track';
}

const fail = (message: string, details: Record<string, string>) =>
  new DomainRuleViolation<PerformanceReviewRuleCode>('RATING_THRESHOLDS_INVALID', message, details);

/** A named version, non-negative gaps, and at risk strictly beyond for attention. */
export function checkRatingThresholds(thresholds: RatingThresholds): RatingThresholds {
  const version = thresholds.version.trim();
  const details = {
    version: thresholds.version,
    forAttentionGapPoints: String(thresholds.forAttentionGapPoints),
    atRiskGapPoints: String(thresholds.atRiskGapPoints),
  };
  if (version === '') throw fail('Rating thresholds need a version', details);
  const forAttention = parseDecimal(String(thresholds.forAttentionGapPoints));
  const atRisk = parseDecimal(String(thresholds.atRiskGapPoints));
  if (forAttention === undefined || atRisk === undefined || forAttention.units < 0n || compareDecimals(atRisk, forAttention) <= 0) {
    throw fail('Gaps are non-negative decimals, the at-risk gap larger than the for-attention gap', details);
  }
  return { version, forAttentionGapPoints: thresholds.forAttentionGapPoints, atRiskGapPoints: thresholds.atRiskGapPoints };
}

/** A percentage between 0 and 100 inclusive, kept as the decimal string it was given. */
export function checkPercentage(value: string | number, field: string): string {
  const text = checkDecimal(String(value), field);
  const parsed = parseDecimal(text) as ExactDecimal;
  if (parsed.units < 0n || compareDecimals(parsed, { units: 100n, scale: 0 }) > 0) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('PROGRESS_PERCENTAGE_OUT_OF_RANGE', `${field} must be between 0 and 100`, { field, value: text });
  }
  return text;
}
