import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import type { RatePerformance } from './commands.js';
import type { PerformanceRated } from './events.js';
import type { PerformanceReviewState } from './performance-review-state.js';
import { checkPercentage, checkRatingThresholds, DEFAULT_RATING_THRESHOLDS, rateDisbursement } from './rate-disbursement.js';
import { checkDimension, checkRating, checkWorldBankRating, PERFORMANCE_DIMENSIONS, type PerformanceDimension, type PerformanceRating } from './ratings.js';
import { requireStartedPeriod } from './review-period.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

const fail = (code: PerformanceReviewRuleCode, message: string, details: Record<string, string>) =>
  new DomainRuleViolation<PerformanceReviewRuleCode>(code, message, details);

export function decideRatePerformance({ data }: RatePerformance, state: PerformanceReviewState, { today }: DecisionContext): PerformanceRated[] {
  const period = requireStartedPeriod(data.period, today, 'it cannot be rated yet');
  if (state.rated && data.correction === undefined) {
    throw fail('PERFORMANCE_ALREADY_RATED', `${period} is already rated; a new rating is a correction with a reason`, { period });
  }
  const correctionReason = data.correction === undefined ? undefined : requireReason(data.correction.reason, 'correction.reason');
  const thresholds = checkRatingThresholds(data.thresholds ?? DEFAULT_RATING_THRESHOLDS);
  Object.keys(data.ratings).forEach(checkDimension);

  const progress = data.disbursementProgress && {
    disbursedPct: checkPercentage(data.disbursementProgress.disbursedPct, 'disbursedPct'),
    elapsedPct: checkPercentage(data.disbursementProgress.elapsedPct, 'elapsedPct'),
  };
  const computed = progress && rateDisbursement(progress, thresholds);
  const ratings = {} as Record<PerformanceDimension, PerformanceRating>;
  for (const dimension of PERFORMANCE_DIMENSIONS) {
    const given = data.ratings[dimension];
    if (given === undefined && !(dimension === 'disbursements' && computed)) {
      throw fail('PERFORMANCE_RATING_MISSING', `No rating for ${dimension}`, { dimension });
    }
    ratings[dimension] = given === undefined ? (computed as PerformanceRating) : checkRating(given, dimension);
  }
  if (computed !== undefined && ratings.disbursements !== computed) {
    throw fail(
      'DISBURSEMENT_RATING_CONTRADICTS_THRESHOLDS',
      `Thresholds ${thresholds.version} rate this disbursement progress ${computed}, not ${ratings.disbursements}`,
      {
        given: ratings.disbursements,
        computed,
        thresholdsVersion: thresholds.version,
      },
    );
  }
  const rationale = data.rationale?.trim();
  return [
    {
      type: 'PerformanceRated',
      data: {
        projectId: data.projectId,
        period,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        ratings,
        overall: checkRating(data.overall, 'overall'),
        ...(data.worldBankRating !== undefined ? { worldBankRating: checkWorldBankRating(data.worldBankRating) } : {}),
        ...(progress ? { disbursementProgress: progress } : {}),
        thresholds,
        ...(rationale ? { rationale } : {}),
        ...(correctionReason !== undefined ? { correctionReason } : {}),
      },
    },
  ];
}

/** `RatePerformance`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const ratePerformanceUseCase = useCase('RatePerformance', decideRatePerformance);
