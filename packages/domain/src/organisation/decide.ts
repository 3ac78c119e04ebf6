import type { DecisionContext, Decider } from '../decider/decider.js';
import type { OrganisationCommand } from './commands.js';
import type { OrganisationEvent } from './events.js';
import { decideMergeOrganisation } from './merge-organisation.js';
import { evolveOrganisation, initialOrganisationState, type OrganisationState } from './organisation-state.js';
import { decideRegisterOrganisation } from './register-organisation.js';
import { decideRenameOrganisation } from './rename-organisation.js';

/** An organisation of the reference list (funders, ministries, akimats, contractors). Pure. */
export function decideOrganisation(command: OrganisationCommand, state: OrganisationState, context: DecisionContext): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterOrganisation':
      return decideRegisterOrganisation(command, state, context);
    case 'RenameOrganisation':
      return decideRenameOrganisation(command, state, context);
    case 'MergeOrganisation':
      return decideMergeOrganisation(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown organisation command ${JSON.stringify(unknown)}`);
    }
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState, DecisionContext> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};
