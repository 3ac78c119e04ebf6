import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkActualDate } from '../dates/world-dates.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import { optionalSource } from '../sourcing/source.js';
import type { ApproveProject } from './commands.js';
import type { ProjectApproved } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** Board approval moves the stage to approved; the IATI status stays 1 until the actual start (docs/DOMAIN.md §3.1). */
export function decideApproveProject({ data }: ApproveProject, state: ProjectState, { today }: DecisionContext): ProjectApproved[] {
  const project = requireRegisteredProject(state, data.projectId);
  if (project.approved) {
    throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_ALREADY_APPROVED', `Project ${data.projectId} is already approved`, { projectId: data.projectId });
  }
  if (project.status !== '1') {
    throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_NOT_IN_PIPELINE', 'Only a project in the pipeline (status 1) can be approved', {
      status: project.status,
    });
  }
  const approvalDate = checkActualDate(data.approvalDate, 'approvalDate', today);
  return [
    {
      type: 'ProjectApproved',
      data: {
        projectId: data.projectId,
        effectiveDate: approvalDate,
        approvalDate,
        stage: 'approved',
        ...(data.approvedBy !== undefined ? { approvedBy: checkOrganisationReference(data.approvedBy, 'approvedBy') } : {}),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `ApproveProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const approveProjectUseCase = useCase('ApproveProject', decideApproveProject);
