import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { SetBaseline } from './commands.js';
import type { BaselineSet } from './events.js';
import { checkIndicatorValue, requireIndicator } from './indicator-value.js';
import type { ResultsState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

/** The baseline is measured, so its year cannot lie in the future. Setting it again replaces it. */
export function decideSetBaseline({ data }: SetBaseline, state: ResultsState, { today }: DecisionContext): BaselineSet[] {
  const indicator = requireIndicator(state, data.indicatorId);
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  if (!Number.isInteger(data.year) || data.year < 1900 || data.year > Number(today.slice(0, 4))) {
    throw new DomainRuleViolation<ResultsRuleCode>('BASELINE_YEAR_INVALID', 'The baseline year is a year from 1900 to this year', { year: String(data.year) });
  }
  const value = checkIndicatorValue(indicator.measure, data.value, 'value');
  return [
    {
      type: 'BaselineSet',
      data: { projectId: data.projectId, effectiveDate, indicatorId: data.indicatorId, year: data.year, value, ...optionalSource(data.source, today) },
    },
  ];
}

/** `SetBaseline`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setBaselineUseCase = useCase('SetBaseline', decideSetBaseline);
