import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkActualDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { CompleteDecisionAction } from './commands.js';
import type { DecisionActionCompleted } from './events.js';
import type { ProgrammeState } from './programme-state.js';
import { requireRegisteredProgramme } from './registered-programme.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

export function decideCompleteDecisionAction({ data }: CompleteDecisionAction, state: ProgrammeState, { today }: DecisionContext): DecisionActionCompleted[] {
  requireRegisteredProgramme(state, data.programmeId);
  const fail = (code: ProgrammeRuleCode, message: string) => new DomainRuleViolation<ProgrammeRuleCode>(code, message, { actionId: data.actionId });
  const action = state.actions.get(data.actionId);
  if (action === undefined) throw fail('ACTION_NOT_FOUND', `Action ${data.actionId} is not assigned`);
  if (action.completed) throw fail('ACTION_ALREADY_COMPLETED', `Action ${data.actionId} is already completed`);
  const completionDate = checkActualDate(data.completionDate, 'completionDate', today);
  if (compareIsoDates(completionDate, action.assignedOn) < 0)
    throw fail('ACTION_COMPLETED_BEFORE_ASSIGNMENT', `Action ${data.actionId} was assigned on ${action.assignedOn}`);
  return [
    {
      type: 'DecisionActionCompleted',
      data: {
        programmeId: data.programmeId,
        effectiveDate: completionDate,
        decisionId: action.decisionId,
        actionId: data.actionId,
        completionDate,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `CompleteDecisionAction`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const completeDecisionActionUseCase = useCase('CompleteDecisionAction', decideCompleteDecisionAction);
