import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from './iso-date.js';
import { checkCalendarDate, type WorldDateRuleCode } from './world-dates.js';

/** A reporting or budget period, both ends inclusive (IATI period-start / period-end). */
export interface DatePeriod {
  readonly start: string;
  readonly end: string;
}

export function checkPeriod(period: DatePeriod, field: string): DatePeriod {
  checkCalendarDate(period.start, `${field}.start`);
  checkCalendarDate(period.end, `${field}.end`);
  if (compareIsoDates(period.end, period.start) < 0) {
    throw new DomainRuleViolation<WorldDateRuleCode>('PERIOD_END_BEFORE_START', `${field} ends (${period.end}) before it starts (${period.start})`, {
      field,
      start: period.start,
      end: period.end,
    });
  }
  return { start: period.start, end: period.end };
}

/** IATI budgets and planned disbursements: a period of at most one year (366 days in a leap year). */
export function checkPeriodAtMostOneYear(period: DatePeriod, field: string): DatePeriod {
  checkPeriod(period, field);
  const year = String(Number(period.start.slice(0, 4)) + 1).padStart(4, '0');
  // The same day a year later; from 29 February that is 1 March.
  const oneYearLater = period.start.endsWith('-02-29') ? `${year}-03-01` : `${year}${period.start.slice(4)}`;
  if (compareIsoDates(period.end, oneYearLater) >= 0) {
    throw new DomainRuleViolation<WorldDateRuleCode>('PERIOD_LONGER_THAN_A_YEAR', `${field} is longer than one year`, {
      field,
      start: period.start,
      end: period.end,
    });
  }
  return { start: period.start, end: period.end };
}

export function periodKey(period: DatePeriod): string {
  return `${period.start}/${period.end}`;
}
