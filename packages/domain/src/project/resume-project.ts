import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { decideStatusChange } from './change-project-status.js';
import type { ResumeProject } from './commands.js';
import type { ProjectStatusChanged } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** Back from suspended (6) to implementation (2); "resuming" a pipeline project would start it by mistake. */
export function decideResumeProject({ data }: ResumeProject, state: ProjectState, { today }: DecisionContext): ProjectStatusChanged[] {
  const project = requireRegisteredProject(state, data.projectId);
  if (project.status !== '6') {
    throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_NOT_SUSPENDED', `Project ${data.projectId} is not suspended`, { status: project.status });
  }
  return decideStatusChange(project, { to: '2', reason: data.reason, effectiveDate: data.effectiveDate }, today);
}

/** `ResumeProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const resumeProjectUseCase = useCase('ResumeProject', decideResumeProject);
