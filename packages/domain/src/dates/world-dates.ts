import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates, isIsoDate, type DateRuleCode } from './iso-date.js';

export const WORLD_DATE_RULE_CODES = ['EFFECTIVE_DATE_IN_FUTURE', 'ACTUAL_DATE_IN_FUTURE', 'PERIOD_END_BEFORE_START', 'PERIOD_LONGER_THAN_A_YEAR'] as const;
export type WorldDateRuleCode = (typeof WORLD_DATE_RULE_CODES)[number];

function requireToday(today: string): void {
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
}

/** A date the user typed (planned or actual): an existing calendar day written YYYY-MM-DD. */
export function checkCalendarDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new DomainRuleViolation<DateRuleCode>('DATE_INVALID', `${field} must be an existing calendar date written YYYY-MM-DD`, { field, value });
  }
  return value;
}

/** A date on which something already happened: valid and not after today. */
export function checkActualDate(value: string, field: string, today: string): string {
  requireToday(today);
  checkCalendarDate(value, field);
  if (compareIsoDates(value, today) > 0) {
    throw new DomainRuleViolation<WorldDateRuleCode>('ACTUAL_DATE_IN_FUTURE', `${field} ${value} is after today (${today})`, { field, value, today });
  }
  return value;
}

/**
 * When the fact happened in the world, as opposed to when we recorded it: the command's
 * `effectiveDate` or, if absent, today. Late reports are normal; reports from the future are not.
 */
export function resolveEffectiveDate(effectiveDate: string | undefined, today: string): string {
  requireToday(today);
  if (effectiveDate === undefined) return today;
  checkCalendarDate(effectiveDate, 'effectiveDate');
  if (compareIsoDates(effectiveDate, today) > 0) {
    throw new DomainRuleViolation<WorldDateRuleCode>('EFFECTIVE_DATE_IN_FUTURE', `The effective date ${effectiveDate} is after today (${today})`, {
      effectiveDate,
      today,
    });
  }
  return effectiveDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); both valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Every command may say when its fact happened in the world (YYYY-MM-DD, not in the future); default today. */
export interface EffectiveDated {
  effectiveDate?: string;
}
