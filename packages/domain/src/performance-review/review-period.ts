import type { DatePeriod } from '../dates/date-period.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A quarterly review period written YYYY-Qn, e.g. 2026-Q3. */
export function checkReviewPeriod(period: string): string {
  if (!QUARTER.test(period)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('REVIEW_PERIOD_INVALID', `${JSON.stringify(period)} is not a quarter written like 2026-Q3`, {
      period,
    });
  }
  return period;
}

/** The calendar dates a quarter covers, both inclusive: 2026-Q3 is 2026-07-01 to 2026-09-30. */
export function reviewPeriodDates(period: string): DatePeriod {
  const match = QUARTER.exec(period);
  if (!match) throw new RangeError(`not a review period: ${JSON.stringify(period)}`);
  // Stryker disable next-line StringLiteral: equivalent: the year group always matches once the pattern does
  const [year, quarter] = [match[1] ?? '', Number(match[2])];
  const startMonth = String(quarter * 3 - 2).padStart(2, '0');
  const endMonth = String(quarter * 3).padStart(2, '0');
  return { start: `${year}-${startMonth}-01`, end: `${year}-${endMonth}-${quarter === 1 || quarter === 4 ? '31' : '30'}` };
}

/**
 * A quarter that has begun by `today`: nothing is rated, raised or registered for a quarter still to come.
 * `refused` says what cannot be done yet, e.g. "it cannot be rated yet".
 */
export function requireStartedPeriod(period: string, today: string, refused: string): string {
  const { start } = reviewPeriodDates(checkReviewPeriod(period));
  if (compareIsoDates(start, today) > 0) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('REVIEW_PERIOD_NOT_STARTED', `${period} starts on ${start}; ${refused}`, { period, today });
  }
  return period;
}
