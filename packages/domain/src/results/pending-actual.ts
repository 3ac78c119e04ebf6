import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkPeriod, periodKey, type DatePeriod } from '../dates/date-period.js';
import { requireIndicator } from './indicator-value.js';
import type { ReportedActual, ResultsState } from './results-state.js';
import type { ResultsRuleCode } from './rule-codes.js';

/** The actual awaiting a decision for this indicator and period. */
export function requirePendingActual(state: ResultsState, indicatorId: string, period: DatePeriod): ReportedActual {
  const indicator = requireIndicator(state, indicatorId);
  const key = periodKey(checkPeriod(period, 'period'));
  const actual = indicator.actuals.get(key);
  if (actual?.status === 'verified') {
    throw new DomainRuleViolation<ResultsRuleCode>('ACTUAL_ALREADY_VERIFIED', 'The actual for this period is already verified', { period: key });
  }
  if (actual?.status !== 'reported') {
    throw new DomainRuleViolation<ResultsRuleCode>('ACTUAL_NOT_FOUND', 'No actual awaits verification for this period', { indicatorId, period: key });
  }
  return actual;
}
