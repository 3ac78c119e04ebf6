import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { ProjectState, RegisteredProject } from './project-state.js';
import type { ProjectRuleCode } from './rule-codes.js';

export function requireRegisteredProject(state: ProjectState, projectId: string): RegisteredProject {
  if (!state.exists) {
    throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_NOT_FOUND', `Project ${projectId} is not registered`, { projectId });
  }
  return state;
}
