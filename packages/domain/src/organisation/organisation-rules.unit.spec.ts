import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { OrganisationCommand } from './commands.js';
import { organisationDecider } from './decide.js';
import type { OrganisationEvent } from './events.js';

// What a client sees when an organisation command is refused, and the edges of the rules.

const given = deciderSpecification(organisationDecider, context);
const ids = { organisationId: 'KZ-MNE' };
const command = (type: OrganisationCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as OrganisationCommand;
const event = (type: OrganisationEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as OrganisationEvent;
const names = { en: 'Ministry of National Economy of Kazakhstan', ru: 'Министерство национальной экономики РК' };
const type = { code: '10', codelist: 'OrganisationType', version: '2.03' };
const registerWithoutCountry = (data: object = {}) => command('RegisterOrganisation', { names, type: '10', effectiveDate: '2014-08-06', ...data });
const registeredWithoutCountry = event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type });
const rename = (data: object) => command('RenameOrganisation', { names: { en: 'Ministry of Economy' }, ...data });

describe('refusals name the organisation and what is wrong', () => {
  it('not registered, merged, changed before registration, renamed to its names, merged into itself', () => {
    given([])
      .when(rename({}))
      .thenThrows('ORGANISATION_NOT_FOUND', { message: 'Organisation KZ-MNE is not registered', details: { organisationId: 'KZ-MNE' } });
    given([registeredWithoutCountry, event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' })])
      .when(rename({}))
      .thenThrows('ORGANISATION_MERGED', {
        message: 'Organisation KZ-MNE was merged into KZ-MTI',
        details: { organisationId: 'KZ-MNE', mergedInto: 'KZ-MTI' },
      });
    given([registeredWithoutCountry])
      .when(rename({ effectiveDate: '2014-08-05' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION', {
        message: 'Organisation KZ-MNE is registered from 2014-08-06',
        details: { organisationId: 'KZ-MNE', effectiveDate: '2014-08-05', registeredOn: '2014-08-06' },
      });
    given([registeredWithoutCountry])
      .when(rename({ names }))
      .thenThrows('ORGANISATION_NAME_UNCHANGED', { message: 'Organisation KZ-MNE already has these names', details: { organisationId: 'KZ-MNE' } });
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_MERGE_INTO_SELF', {
        message: 'An organisation cannot be merged into itself',
        details: { organisationId: 'KZ-MNE' },
      });
  });

  it('checks the ids it is given', () => {
    given([])
      .when(registerWithoutCountry({ organisationId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'organisationId' });
    given([])
      .when(registerWithoutCountry({ parentId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'parentId' });
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'intoOrganisationId' });
  });
});

describe('edges', () => {
  it('accepts a change on the registration day', () => {
    given([registeredWithoutCountry])
      .when(rename({ effectiveDate: '2014-08-06' }))
      .then([event('OrganisationRenamed', { effectiveDate: '2014-08-06', previousNames: names, names: { en: 'Ministry of Economy' } })]);
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', effectiveDate: '2014-08-06' }))
      .then([event('OrganisationMerged', { effectiveDate: '2014-08-06', intoOrganisationId: 'KZ-MTI' })]);
    given([registeredWithoutCountry])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', effectiveDate: '2014-08-05' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION');
  });
});
