import { checkCode } from '../code-lists/coded.js';
import { ORGANISATION_ROLE, ORGANISATION_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkOrganisationReference, organisationKey } from '../organisation-reference/organisation-reference.js';
import type { AssignParticipant } from './commands.js';
import type { ParticipantAssigned } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** IATI participating-org: an organisation in a role (1 funding, 2 accountable, 3 extending, 4 implementing). */
export function decideAssignParticipant({ data }: AssignParticipant, state: ProjectState, { today }: DecisionContext): ParticipantAssigned[] {
  const project = requireRegisteredProject(state, data.projectId);
  const organisation = checkOrganisationReference(data.organisation, 'organisation');
  const role = checkCode(ORGANISATION_ROLE, data.role, 'role');
  const organisationType = data.organisationType === undefined ? undefined : checkCode(ORGANISATION_TYPE, data.organisationType, 'organisationType');
  if (project.participants.has(`${role.code}:${organisationKey(organisation)}`)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_PARTICIPANT', 'This organisation already participates in this role', {
      role: role.code,
      // Stryker disable next-line StringLiteral: equivalent: a checked organisation reference has an id or a name
      organisation: organisation.organisationId ?? organisation.name ?? '',
    });
  }
  return [
    {
      type: 'ParticipantAssigned',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        organisation,
        role,
        ...(organisationType !== undefined ? { organisationType } : {}),
      },
    },
  ];
}

/** `AssignParticipant`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const assignParticipantUseCase = useCase('AssignParticipant', decideAssignParticipant);
