import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import type { RejectActual } from './commands.js';
import type { ActualRejected } from './events.js';
import { requirePendingActual } from './pending-actual.js';
import type { ResultsState } from './results-state.js';

export function decideRejectActual({ data }: RejectActual, state: ResultsState, { today }: DecisionContext): ActualRejected[] {
  const actual = requirePendingActual(state, data.indicatorId, data.period);
  const reason = requireReason(data.reason);
  const period = { start: data.period.start, end: data.period.end };
  return [
    {
      type: 'ActualRejected',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        indicatorId: data.indicatorId,
        period,
        value: actual.value,
        reason,
      },
    },
  ];
}

/** `RejectActual`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const rejectActualUseCase = useCase('RejectActual', decideRejectActual);
