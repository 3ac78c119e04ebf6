import type { Coded } from '../code-lists/coded.js';
import type { Event, EventPublication } from '../decider/decider.js';
import type { LocalizedNames } from '../localized-names/localized-names.js';

export interface OrganisationFact {
  organisationId: string;
  effectiveDate: string;
}

/** `effectiveDate` opens the organisation's validity interval; a merger closes it. */
export type OrganisationRegistered = Event<
  'OrganisationRegistered',
  OrganisationFact & { names: LocalizedNames; iatiOrgId?: string; type: Coded; countryCode?: string; parentId?: string }
>;
export type OrganisationRenamed = Event<'OrganisationRenamed', OrganisationFact & { previousNames: LocalizedNames; names: LocalizedNames }>;
export type OrganisationMerged = Event<'OrganisationMerged', OrganisationFact & { intoOrganisationId: string; reason?: string }>;

export type OrganisationEvent = OrganisationRegistered | OrganisationRenamed | OrganisationMerged;
export type OrganisationEventType = OrganisationEvent['type'];

export const ORGANISATION_EVENT_SCHEMA_VERSION = {
  OrganisationRegistered: 1,
  OrganisationRenamed: 1,
  OrganisationMerged: 1,
} as const satisfies Record<OrganisationEventType, number>;

/** docs/DOMAIN.md §3.2 lists no organisation events for partners: reference data reaches them through the snapshot API. */
export const ORGANISATION_EVENT_PUBLICATION = {
  OrganisationRegistered: { event: 'registered', partnerFacing: false },
  OrganisationRenamed: { event: 'renamed', partnerFacing: false },
  OrganisationMerged: { event: 'merged', partnerFacing: false },
} as const satisfies Record<OrganisationEventType, EventPublication>;
