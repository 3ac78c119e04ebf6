import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { decideStatusChange } from './change-project-status.js';
import type { CloseProject } from './commands.js';
import type { ProjectStatusChanged } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

/** To closed (4): only from finalisation (3), and only once an actual end date is recorded. */
export function decideCloseProject({ data }: CloseProject, state: ProjectState, { today }: DecisionContext): ProjectStatusChanged[] {
  const project = requireRegisteredProject(state, data.projectId);
  return decideStatusChange(project, { to: '4', reason: data.reason, effectiveDate: data.effectiveDate }, today);
}

/** `CloseProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const closeProjectUseCase = useCase('CloseProject', decideCloseProject);
