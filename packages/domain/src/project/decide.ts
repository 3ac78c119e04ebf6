import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { addDocumentLinkUseCase } from './add-document-link.js';
import { addLocationUseCase } from './add-location.js';
import { addOtherIdentifierUseCase } from './add-other-identifier.js';
import { approveProjectUseCase } from './approve-project.js';
import { assignIatiIdentifierUseCase } from './assign-iati-identifier.js';
import { assignParticipantUseCase } from './assign-participant.js';
import { cancelProjectUseCase } from './cancel-project.js';
import { changeProjectStatusUseCase } from './change-project-status.js';
import { closeProjectUseCase } from './close-project.js';
import { linkRelatedActivityUseCase } from './link-related-activity.js';
import { publishProjectUseCase } from './publish-project.js';
import { recordBudgetUseCase } from './record-budget.js';
import { recordProjectDateUseCase } from './record-project-date.js';
import { registerProjectUseCase } from './register-project.js';
import { resumeProjectUseCase } from './resume-project.js';
import { setPolicyMarkersUseCase } from './set-policy-markers.js';
import { setProjectTitlesUseCase } from './set-project-titles.js';
import { setRecipientCountriesUseCase } from './set-recipient-countries.js';
import { setSectorsUseCase } from './set-sectors.js';
import { suspendProjectUseCase } from './suspend-project.js';
import type { ProjectCommand } from './commands.js';
import type { ProjectEvent } from './events.js';
import { evolveProject, initialProjectState, type ProjectState } from './project-state.js';

/** The Project's rules: the events a command leads to, or a DomainRuleViolation. Pure. */
export const decideProject: (command: ProjectCommand, state: ProjectState, context: DecisionContext) => ProjectEvent[] = decideByUseCase('project', [
  registerProjectUseCase,
  assignIatiIdentifierUseCase,
  publishProjectUseCase,
  addOtherIdentifierUseCase,
  setProjectTitlesUseCase,
  setSectorsUseCase,
  setPolicyMarkersUseCase,
  setRecipientCountriesUseCase,
  addLocationUseCase,
  assignParticipantUseCase,
  recordProjectDateUseCase,
  approveProjectUseCase,
  changeProjectStatusUseCase,
  suspendProjectUseCase,
  resumeProjectUseCase,
  cancelProjectUseCase,
  closeProjectUseCase,
  linkRelatedActivityUseCase,
  recordBudgetUseCase,
  addDocumentLinkUseCase,
]);

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState, DecisionContext> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
