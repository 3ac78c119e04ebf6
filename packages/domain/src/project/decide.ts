import type { DecisionContext, Decider } from '../decider/decider.js';
import type { ProjectCommand } from './commands.js';
import type { ProjectEvent } from './events.js';
import { evolveProject, initialProjectState, type ProjectState } from './project-state.js';
import { decideRecordCommitment } from './record-commitment.js';
import { decideRecordDisbursement } from './record-disbursement.js';
import { decideRegisterProject } from './register-project.js';

/** The Project's rules: the events a command leads to, or a DomainRuleViolation. Pure. */
export function decideProject(command: ProjectCommand, state: ProjectState, context: DecisionContext): ProjectEvent[] {
  switch (command.type) {
    case 'RegisterProject':
      return decideRegisterProject(command, state);
    case 'RecordCommitment':
      return decideRecordCommitment(command, state, context);
    case 'RecordDisbursement':
      return decideRecordDisbursement(command, state, context);
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
