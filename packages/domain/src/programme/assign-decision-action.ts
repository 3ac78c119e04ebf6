import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { AssignDecisionAction } from './commands.js';
import type { DecisionActionAssigned } from './events.js';
import type { ProgrammeState } from './programme-state.js';
import { requireRegisteredProgramme } from './registered-programme.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

/** Assigned on the effective date (default today); due no earlier than that. */
export function decideAssignDecisionAction({ data }: AssignDecisionAction, state: ProgrammeState, { today }: DecisionContext): DecisionActionAssigned[] {
  requireRegisteredProgramme(state, data.programmeId);
  const fail = (code: ProgrammeRuleCode, message: string, details: Record<string, string>) =>
    new DomainRuleViolation<ProgrammeRuleCode>(code, message, details);
  if (!state.decisionIds.has(data.decisionId)) throw fail('DECISION_NOT_FOUND', `Decision ${data.decisionId} is not recorded`, { decisionId: data.decisionId });
  checkIdentifier(data.actionId, 'actionId');
  if (state.actions.has(data.actionId)) throw fail('DUPLICATE_ACTION_ID', `Action ${data.actionId} is already assigned`, { actionId: data.actionId });
  const description = data.description.trim();
  if (description === '') throw fail('ACTION_DESCRIPTION_REQUIRED', 'An action needs a description', { actionId: data.actionId });
  const owner = checkOrganisationReference(data.owner, 'owner');
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  const dueDate = checkCalendarDate(data.dueDate, 'dueDate');
  if (compareIsoDates(dueDate, effectiveDate) < 0)
    throw fail('ACTION_DUE_BEFORE_ASSIGNMENT', `Action ${data.actionId} would be due before it is assigned`, { dueDate, assignedOn: effectiveDate });
  return [
    {
      type: 'DecisionActionAssigned',
      data: { programmeId: data.programmeId, effectiveDate, decisionId: data.decisionId, actionId: data.actionId, description, owner, dueDate },
    },
  ];
}

/** `AssignDecisionAction`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const assignDecisionActionUseCase = useCase('AssignDecisionAction', decideAssignDecisionAction);
