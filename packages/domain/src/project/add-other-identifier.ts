import { checkCode } from '../code-lists/coded.js';
import { OTHER_IDENTIFIER_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { AddOtherIdentifier } from './commands.js';
import type { OtherIdentifierAdded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

export function decideAddOtherIdentifier({ data }: AddOtherIdentifier, state: ProjectState, { today }: DecisionContext): OtherIdentifierAdded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.ref, 'ref');
  const identifierType = checkCode(OTHER_IDENTIFIER_TYPE, data.identifierType, 'identifierType');
  // A3 says "this project was published under that id": only a correction of the identifier can say so.
  if (identifierType.code === 'A3') {
    throw new DomainRuleViolation<ProjectRuleCode>(
      'PREVIOUS_IDENTIFIER_ONLY_BY_CORRECTION',
      'A previous activity identifier (A3) is added by correcting the IATI identifier, not directly',
      { ref: data.ref },
    );
  }
  if (project.otherIdentifiers.has(`${identifierType.code}:${data.ref}`)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_OTHER_IDENTIFIER', `${data.ref} (${identifierType.code}) is already recorded`, {
      ref: data.ref,
      identifierType: identifierType.code,
    });
  }
  const kind = data.kind?.trim();
  return [
    {
      type: 'OtherIdentifierAdded',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        ref: data.ref,
        identifierType,
        ...(kind ? { kind } : {}),
        ...(data.owner !== undefined ? { owner: checkOrganisationReference(data.owner, 'owner') } : {}),
      },
    },
  ];
}

/** `AddOtherIdentifier`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const addOtherIdentifierUseCase = useCase('AddOtherIdentifier', decideAddOtherIdentifier);
