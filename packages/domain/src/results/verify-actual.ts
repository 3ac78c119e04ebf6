import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import type { VerifyActual } from './commands.js';
import type { ActualVerified } from './events.js';
import { requirePendingActual } from './pending-actual.js';
import type { ResultsState } from './results-state.js';

export function decideVerifyActual({ data }: VerifyActual, state: ResultsState, { today }: DecisionContext): ActualVerified[] {
  const actual = requirePendingActual(state, data.indicatorId, data.period);
  const period = { start: data.period.start, end: data.period.end };
  return [
    {
      type: 'ActualVerified',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        indicatorId: data.indicatorId,
        period,
        value: actual.value,
      },
    },
  ];
}

/** `VerifyActual`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const verifyActualUseCase = useCase('VerifyActual', decideVerifyActual);
