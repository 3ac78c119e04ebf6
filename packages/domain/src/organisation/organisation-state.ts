import type { LocalizedNames } from '../localized-names/localized-names.js';
import type { OrganisationEvent } from './events.js';

export interface RegisteredOrganisation {
  readonly exists: true;
  readonly organisationId: string;
  readonly registeredOn: string;
  readonly names: LocalizedNames;
  /** Set once merged; a merged organisation takes no further changes. */
  readonly mergedInto: string | undefined;
}

export type OrganisationState = { readonly exists: false } | RegisteredOrganisation;

export function initialOrganisationState(): OrganisationState {
  return { exists: false };
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  if (event.type === 'OrganisationRegistered') {
    return { exists: true, organisationId: event.data.organisationId, registeredOn: event.data.effectiveDate, names: event.data.names, mergedInto: undefined };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'OrganisationRenamed':
      return { ...state, names: event.data.names };
    case 'OrganisationMerged':
      return { ...state, mergedInto: event.data.intoOrganisationId };
  }
}
