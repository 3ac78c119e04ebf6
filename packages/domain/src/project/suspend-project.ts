import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { requireReason } from '../reasons/reason.js';
import { decideStatusChange } from './change-project-status.js';
import type { SuspendProject } from './commands.js';
import type { ProjectStatusChanged } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

/** To status 6, from implementation only, and always with a reason. */
export function decideSuspendProject({ data }: SuspendProject, state: ProjectState, { today }: DecisionContext): ProjectStatusChanged[] {
  const project = requireRegisteredProject(state, data.projectId);
  return decideStatusChange(project, { to: '6', reason: requireReason(data.reason), effectiveDate: data.effectiveDate }, today);
}

/** `SuspendProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const suspendProjectUseCase = useCase('SuspendProject', decideSuspendProject);
