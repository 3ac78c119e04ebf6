import type { IndicatorMeasureCode } from '../code-lists/iati-code-lists.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkDecimal } from '../decimal/decimal.js';
import type { ResultsState, IndicatorState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

/** IATI: numeric values for every measure but qualitative (5), which takes non-blank text. */
export function checkIndicatorValue(measure: IndicatorMeasureCode, value: string, field: string): string {
  if (measure !== '5') return checkDecimal(value, field);
  const text = value.trim();
  if (text === '') throw new DomainRuleViolation<ResultsRuleCode>('QUALITATIVE_VALUE_REQUIRED', `${field} needs a text for a qualitative indicator`, { field });
  return text;
}

export function requireIndicator(state: ResultsState, indicatorId: string): IndicatorState {
  const indicator = state.indicators.get(indicatorId);
  if (indicator === undefined) {
    throw new DomainRuleViolation<ResultsRuleCode>('INDICATOR_NOT_FOUND', `Indicator ${indicatorId} is not defined`, { indicatorId });
  }
  return indicator;
}
