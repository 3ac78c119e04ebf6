import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { OrganisationCommand } from './commands.js';
import { organisationDecider } from './decide.js';
import type { OrganisationEvent } from './events.js';

const given = deciderSpecification(organisationDecider, context);
const ids = { organisationId: 'KZ-MNE' };
const command = (type: OrganisationCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as OrganisationCommand;
const event = (type: OrganisationEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as OrganisationEvent;
const names = { en: 'Ministry of National Economy of Kazakhstan', ru: 'Министерство национальной экономики РК' };
const type = { code: '10', codelist: 'OrganisationType', version: '2.03' };
const registeredWithoutCountry = event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type });

const registered = event('OrganisationRegistered', {
  effectiveDate: '2014-08-06',
  names,
  type: { code: '10', codelist: 'OrganisationType', version: '2.03' },
  countryCode: 'KZ',
});
const merged = event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' });

describe('edges', () => {
  it('keeps a trimmed merge reason and drops a blank one', () => {
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', reason: ' Government restructuring ' }))
      .then([event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI', reason: 'Government restructuring' })]);
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', reason: ' ' }))
      .then([event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' })]);
  });
});

describe('MergeOrganisation', () => {
  it('merges the organisation into another', () => {
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI' }))
      .then([merged]);
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', reason: ' Government reorganisation ' }))
      .then([event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI', reason: 'Government reorganisation' })]);
  });

  it('rejects a merge into itself, of an unknown organisation, of a merged one, or before registration', () => {
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_MERGE_INTO_SELF');
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID');
    given([])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI' }))
      .thenThrows('ORGANISATION_NOT_FOUND');
    given([registered, merged])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MFA' }))
      .thenThrows('ORGANISATION_MERGED');
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', effectiveDate: '2010-01-01' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION');
  });
});
