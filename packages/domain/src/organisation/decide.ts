import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { mergeOrganisationUseCase } from './merge-organisation.js';
import { registerOrganisationUseCase } from './register-organisation.js';
import { renameOrganisationUseCase } from './rename-organisation.js';
import type { OrganisationCommand } from './commands.js';
import type { OrganisationEvent } from './events.js';
import { evolveOrganisation, initialOrganisationState, type OrganisationState } from './organisation-state.js';

/** An organisation of the reference list (funders, ministries, akimats, contractors). Pure. */
export const decideOrganisation: (command: OrganisationCommand, state: OrganisationState, context: DecisionContext) => OrganisationEvent[] = decideByUseCase(
  'organisation',
  [registerOrganisationUseCase, renameOrganisationUseCase, mergeOrganisationUseCase],
);

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState, DecisionContext> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};
