import { context } from './decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { OrganisationCommand } from '../organisation/commands.js';
import { organisationDecider } from '../organisation/decide.js';
import type { OrganisationEvent } from '../organisation/events.js';

/** The Given/When/Then fixtures the organisation use cases' specs share: one organisation, its names, commands and events. */
export const given = deciderSpecification(organisationDecider, context);
export const ids = { organisationId: 'KZ-MNE' };
export const command = (type: OrganisationCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as OrganisationCommand;
export const event = (type: OrganisationEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as OrganisationEvent;
export const names = { en: 'Ministry of National Economy of Kazakhstan', ru: 'Министерство национальной экономики РК' };
export const type = { code: '10', codelist: 'OrganisationType', version: '2.03' };
export const registeredWithoutCountry = event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type });
export const registered = event('OrganisationRegistered', {
  effectiveDate: '2014-08-06',
  names,
  type: { code: '10', codelist: 'OrganisationType', version: '2.03' },
  countryCode: 'KZ',
});
export const merged = event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' });
