import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkPeriod, periodKey } from '../dates/date-period.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { ReportActual } from './commands.js';
import type { ActualReported } from './events.js';
import { checkIndicatorValue, requireIndicator } from './indicator-value.js';
import type { ResultsState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

/** An actual waits for verification; a new report replaces a pending or rejected one, never a verified one. */
export function decideReportActual({ data }: ReportActual, state: ResultsState, { today }: DecisionContext): ActualReported[] {
  const indicator = requireIndicator(state, data.indicatorId);
  const period = checkPeriod(data.period, 'period');
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  if (compareIsoDates(period.start, today) > 0) {
    throw new DomainRuleViolation<ResultsRuleCode>('ACTUAL_PERIOD_NOT_STARTED', `Nothing can be measured yet for a period starting ${period.start}`, {
      start: period.start,
      today,
    });
  }
  if (indicator.actuals.get(periodKey(period))?.status === 'verified') {
    throw new DomainRuleViolation<ResultsRuleCode>('ACTUAL_ALREADY_VERIFIED', 'The actual for this period is verified; it is not replaced', {
      period: periodKey(period),
    });
  }
  const value = checkIndicatorValue(indicator.measure, data.value, 'value');
  return [
    {
      type: 'ActualReported',
      data: { projectId: data.projectId, effectiveDate, indicatorId: data.indicatorId, period, value, ...optionalSource(data.source, today) },
    },
  ];
}

/** `ReportActual`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const reportActualUseCase = useCase('ReportActual', decideReportActual);
