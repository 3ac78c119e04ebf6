import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { requireReason } from '../reasons/reason.js';
import { decideStatusChange } from './change-project-status.js';
import type { CancelProject } from './commands.js';
import type { ProjectStatusChanged } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

export function decideCancelProject({ data }: CancelProject, state: ProjectState, { today }: DecisionContext): ProjectStatusChanged[] {
  const project = requireRegisteredProject(state, data.projectId);
  return decideStatusChange(project, { to: '5', reason: requireReason(data.reason), effectiveDate: data.effectiveDate }, today);
}

/** `CancelProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const cancelProjectUseCase = useCase('CancelProject', decideCancelProject);
