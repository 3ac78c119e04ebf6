import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkDecimal } from '../decimal/decimal.js';
import { checkActualDate, checkCalendarDate, resolveEffectiveDate, type WorldDateRuleCode } from '../dates/world-dates.js';
import { checkSource } from '../sourcing/source.js';
import type { KpiValueInput } from './commands.js';
import type { KpiValue } from './events.js';
import type { ProgrammeState } from './programme-state.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

const KPI_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const fail = (code: ProgrammeRuleCode, message: string, details: Record<string, string | number>) =>
  new DomainRuleViolation<ProgrammeRuleCode>(code, message, details);

/**
 * The rules a target and an observation share: kebab-case code, a unit that stays the KPI's unit,
 * a decimal value, a year or a date (exactly one), a source. `observed` values may not lie in the future.
 */
export function decideKpiValue(input: KpiValueInput & { effectiveDate?: string }, state: ProgrammeState, today: string, observed: boolean): KpiValue {
  if (!KPI_CODE.test(input.kpi))
    throw fail('KPI_CODE_INVALID', `${JSON.stringify(input.kpi)} is not a kebab-case KPI code such as bilateral-trade-usd`, { kpi: input.kpi });
  const unit = input.unit.trim();
  if (unit === '') throw fail('KPI_UNIT_REQUIRED', `KPI ${input.kpi} needs a unit`, { kpi: input.kpi });
  const knownUnit = state.kpiUnits.get(input.kpi);
  if (knownUnit !== undefined && knownUnit !== unit)
    throw fail('KPI_UNIT_MISMATCH', `KPI ${input.kpi} is measured in ${knownUnit}, not ${unit}`, { kpi: input.kpi, unit, knownUnit });
  const value = checkDecimal(input.value, 'value');
  if ((input.year === undefined) === (input.date === undefined)) {
    throw fail('KPI_YEAR_OR_DATE_REQUIRED', `A value of ${input.kpi} is for a year or for a date, exactly one of them`, { kpi: input.kpi });
  }
  const when: { year: number } | { date: string } =
    // Stryker disable next-line StringLiteral: equivalent: exactly one of year and date is given, so date is defined here
    input.year !== undefined ? { year: checkYear(input.year, today, observed) } : { date: checkDate(input.date ?? '', today, observed) };
  return {
    programmeId: input.programmeId,
    effectiveDate: resolveEffectiveDate(input.effectiveDate, today),
    kpi: input.kpi,
    unit,
    value,
    ...when,
    source: checkSource(input.source, today),
  };
}

function checkYear(year: number, today: string, observed: boolean): number {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw fail('KPI_YEAR_INVALID', `${year} is not a year between 1900 and 2100`, { year });
  if (observed && year > Number(today.slice(0, 4))) {
    throw new DomainRuleViolation<WorldDateRuleCode>('ACTUAL_DATE_IN_FUTURE', `Nothing can be observed yet for ${year}`, { field: 'year', value: year, today });
  }
  return year;
}

function checkDate(date: string, today: string, observed: boolean): string {
  return observed ? checkActualDate(date, 'date', today) : checkCalendarDate(date, 'date');
}
