import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { organisationMergedV1, organisationRegisteredV1, organisationRenamedV1 } from './index.js';

/** The organisation reference list: on the programme topic, keyed by the organisation id. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const ORGANISATION_CONTRACTS: readonly EventContract[] = [
  publishedEvent('OrganisationRegistered', {
    schema: organisationRegisteredV1,
    description: 'An organisation joined the reference list, valid from its effective date.',
  }),
  publishedEvent('OrganisationRenamed', { schema: organisationRenamedV1, description: 'An organisation of the reference list was renamed.' }),
  publishedEvent('OrganisationMerged', {
    schema: organisationMergedV1,
    description: 'An organisation was merged into another; it is valid until the effective date.',
  }),
];
