import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideAddLocation } from './add-location.js';
import { decideAddOtherIdentifier } from './add-other-identifier.js';
import { decideApproveProject } from './approve-project.js';
import { decideAssignIatiIdentifier } from './assign-iati-identifier.js';
import { decideAssignParticipant } from './assign-participant.js';
import { decideCancelProject } from './cancel-project.js';
import { decideChangeProjectStatus } from './change-project-status.js';
import { decideCloseProject } from './close-project.js';
import type { ProjectCommand } from './commands.js';
import type { ProjectEvent } from './events.js';
import { decideLinkRelatedActivity } from './link-related-activity.js';
import { evolveProject, initialProjectState, type ProjectState } from './project-state.js';
import { decidePublishProject } from './publish-project.js';
import { decideRecordProjectDate } from './record-project-date.js';
import { decideRegisterProject } from './register-project.js';
import { decideResumeProject } from './resume-project.js';
import { decideSetPolicyMarkers } from './set-policy-markers.js';
import { decideSetProjectTitles } from './set-project-titles.js';
import { decideSetRecipientCountries } from './set-recipient-countries.js';
import { decideSetSectors } from './set-sectors.js';
import { decideSuspendProject } from './suspend-project.js';

/** The Project's rules: the events a command leads to, or a DomainRuleViolation. Pure. */
export function decideProject(command: ProjectCommand, state: ProjectState, context: DecisionContext): ProjectEvent[] {
  switch (command.type) {
    case 'RegisterProject':
      return decideRegisterProject(command, state, context);
    case 'AssignIatiIdentifier':
      return decideAssignIatiIdentifier(command, state, context);
    case 'PublishProject':
      return decidePublishProject(command, state, context);
    case 'AddOtherIdentifier':
      return decideAddOtherIdentifier(command, state, context);
    case 'SetProjectTitles':
      return decideSetProjectTitles(command, state, context);
    case 'SetSectors':
      return decideSetSectors(command, state, context);
    case 'SetPolicyMarkers':
      return decideSetPolicyMarkers(command, state, context);
    case 'SetRecipientCountries':
      return decideSetRecipientCountries(command, state, context);
    case 'AddLocation':
      return decideAddLocation(command, state, context);
    case 'AssignParticipant':
      return decideAssignParticipant(command, state, context);
    case 'RecordProjectDate':
      return decideRecordProjectDate(command, state, context);
    case 'ApproveProject':
      return decideApproveProject(command, state, context);
    case 'ChangeProjectStatus':
      return decideChangeProjectStatus(command, state, context);
    case 'SuspendProject':
      return decideSuspendProject(command, state, context);
    case 'ResumeProject':
      return decideResumeProject(command, state, context);
    case 'CancelProject':
      return decideCancelProject(command, state, context);
    case 'CloseProject':
      return decideCloseProject(command, state, context);
    case 'LinkRelatedActivity':
      return decideLinkRelatedActivity(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown project command ${JSON.stringify(unknown)}`);
    }
  }
}

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState, DecisionContext> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
