import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export const DATE_RULE_CODES = ['DATE_INVALID', 'VALUE_DATE_IN_FUTURE'] as const;
export type DateRuleCode = (typeof DATE_RULE_CODES)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date written YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-29 and 2024-02-30 no). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Orders two valid ISO dates; their fixed-width form sorts like the calendar. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A transaction's value date: a real date, not after today. */
export function checkValueDate(date: string, today: string): void {
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  if (!isIsoDate(date)) {
    throw new DomainRuleViolation<DateRuleCode>('DATE_INVALID', 'The value date must be an existing calendar date written YYYY-MM-DD', {
      field: 'valueDate',
      value: date,
    });
  }
  if (compareIsoDates(date, today) > 0) {
    throw new DomainRuleViolation<DateRuleCode>('VALUE_DATE_IN_FUTURE', `The value date ${date} is after today (${today})`, {
      valueDate: date,
      today,
    });
  }
}
