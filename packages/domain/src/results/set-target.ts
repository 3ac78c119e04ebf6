import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { checkPeriod } from '../dates/date-period.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { SetTarget } from './commands.js';
import type { TargetSet } from './events.js';
import { checkIndicatorValue, requireIndicator } from './indicator-value.js';
import type { ResultsState } from './results-state.js';

/** A target for a period (which may be in the future); setting it again for the same period replaces it. */
export function decideSetTarget({ data }: SetTarget, state: ResultsState, { today }: DecisionContext): TargetSet[] {
  const indicator = requireIndicator(state, data.indicatorId);
  const period = checkPeriod(data.period, 'period');
  const value = checkIndicatorValue(indicator.measure, data.value, 'value');
  return [
    {
      type: 'TargetSet',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        indicatorId: data.indicatorId,
        period,
        value,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `SetTarget`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setTargetUseCase = useCase('SetTarget', decideSetTarget);
