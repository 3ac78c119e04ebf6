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
const register = (data: object = {}) => command('RegisterOrganisation', { names, type: '10', effectiveDate: '2014-08-06', ...data });
const registered = event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type });
const rename = (data: object) => command('RenameOrganisation', { names: { en: 'Ministry of Economy' }, ...data });

describe('refusals name the organisation and what is wrong', () => {
  it('registered twice, a bad IATI id or country, or its own parent', () => {
    given([registered])
      .when(register())
      .thenThrows('ORGANISATION_ALREADY_REGISTERED', { message: 'Organisation KZ-MNE is already registered', details: { organisationId: 'KZ-MNE' } });
    given([])
      .when(register({ iatiOrgId: 'ADB' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID', {
        message: '"ADB" is not an IATI organisation identifier such as XM-DAC-46004',
        details: { iatiOrgId: 'ADB' },
      });
    given([])
      .when(register({ countryCode: 'kz' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID', {
        message: '"kz" is not an ISO 3166-1 alpha-2 code such as KZ',
        details: { countryCode: 'kz' },
      });
    given([])
      .when(register({ parentId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_PARENT_IS_SELF', { message: 'An organisation cannot be its own parent', details: { organisationId: 'KZ-MNE' } });
  });
  it('not registered, merged, changed before registration, renamed to its names, merged into itself', () => {
    given([])
      .when(rename({}))
      .thenThrows('ORGANISATION_NOT_FOUND', { message: 'Organisation KZ-MNE is not registered', details: { organisationId: 'KZ-MNE' } });
    given([registered, event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' })])
      .when(rename({}))
      .thenThrows('ORGANISATION_MERGED', {
        message: 'Organisation KZ-MNE was merged into KZ-MTI',
        details: { organisationId: 'KZ-MNE', mergedInto: 'KZ-MTI' },
      });
    given([registered])
      .when(rename({ effectiveDate: '2014-08-05' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION', {
        message: 'Organisation KZ-MNE is registered from 2014-08-06',
        details: { organisationId: 'KZ-MNE', effectiveDate: '2014-08-05', registeredOn: '2014-08-06' },
      });
    given([registered])
      .when(rename({ names }))
      .thenThrows('ORGANISATION_NAME_UNCHANGED', { message: 'Organisation KZ-MNE already has these names', details: { organisationId: 'KZ-MNE' } });
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_MERGE_INTO_SELF', {
        message: 'An organisation cannot be merged into itself',
        details: { organisationId: 'KZ-MNE' },
      });
  });
  it('checks the ids it is given', () => {
    given([])
      .when(register({ organisationId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'organisationId' });
    given([])
      .when(register({ parentId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'parentId' });
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'intoOrganisationId' });
  });
});

describe('edges', () => {
  it('accepts a change on the registration day', () => {
    given([registered])
      .when(rename({ effectiveDate: '2014-08-06' }))
      .then([event('OrganisationRenamed', { effectiveDate: '2014-08-06', previousNames: names, names: { en: 'Ministry of Economy' } })]);
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', effectiveDate: '2014-08-06' }))
      .then([event('OrganisationMerged', { effectiveDate: '2014-08-06', intoOrganisationId: 'KZ-MTI' })]);
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', effectiveDate: '2014-08-05' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION');
  });
  it('renames when any one language changes, and compares with the latest names', () => {
    given([registered])
      .when(rename({ names: { ...names, kk: 'Ұлттық экономика министрлігі' } }))
      .then([event('OrganisationRenamed', { previousNames: names, names: { ...names, kk: 'Ұлттық экономика министрлігі' } })]);
    given([registered])
      .when(rename({ names: { en: names.en } }))
      .then([event('OrganisationRenamed', { previousNames: names, names: { en: names.en } })]);
    const renamed = event('OrganisationRenamed', { previousNames: names, names: { en: 'Ministry of Economy' } });
    given([registered, renamed]).when(rename({})).thenThrows('ORGANISATION_NAME_UNCHANGED');
  });
  it('keeps a trimmed merge reason and drops a blank one', () => {
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', reason: ' Government restructuring ' }))
      .then([event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI', reason: 'Government restructuring' })]);
    given([registered])
      .when(command('MergeOrganisation', { intoOrganisationId: 'KZ-MTI', reason: ' ' }))
      .then([event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' })]);
  });
  it('registers with a parent, and with a two-letter country only', () => {
    given([])
      .when(register({ parentId: 'KZ-GOV', countryCode: 'KZ' }))
      .then([event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type, countryCode: 'KZ', parentId: 'KZ-GOV' })]);
    given([])
      .when(register({ countryCode: 'KAZ' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID');
    given([])
      .when(register({ countryCode: 'XKZ' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID');
    given([])
      .when(register({ iatiOrgId: 'XM-DAC-46004 ' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID');
    given([])
      .when(register({ iatiOrgId: ' XM-DAC-46004' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID');
  });
});
