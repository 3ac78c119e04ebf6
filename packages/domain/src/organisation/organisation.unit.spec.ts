import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { OrganisationCommand } from './commands.js';
import { organisationDecider } from './decide.js';
import type { OrganisationEvent } from './events.js';
import { organisationStreamId } from './stream.js';

const given = deciderSpecification(organisationDecider, context);
const ids = { organisationId: 'KZ-MNE' };
const command = (type: OrganisationCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as OrganisationCommand;
const event = (type: OrganisationEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as OrganisationEvent;

const names = { en: 'Ministry of National Economy of Kazakhstan', ru: 'Министерство национальной экономики РК' };
const register = (data: object = {}) => command('RegisterOrganisation', { names, type: '10', countryCode: 'KZ', effectiveDate: '2014-08-06', ...data });
const registered = event('OrganisationRegistered', {
  effectiveDate: '2014-08-06',
  names,
  type: { code: '10', codelist: 'OrganisationType', version: '2.03' },
  countryCode: 'KZ',
});
const merged = event('OrganisationMerged', { intoOrganisationId: 'KZ-MTI' });

describe('RegisterOrganisation', () => {
  it('registers a ministry by name only, with its type and country', () => {
    given([]).when(register()).then([registered]);
  });
  it('registers a multilateral with its IATI id and no country, and a body under a parent', () => {
    given([])
      .when(command('RegisterOrganisation', { organisationId: 'XM-DAC-46004', names: { en: 'Asian Development Bank' }, iatiOrgId: 'XM-DAC-46004', type: '40' }))
      .then([
        event('OrganisationRegistered', {
          organisationId: 'XM-DAC-46004',
          names: { en: 'Asian Development Bank' },
          iatiOrgId: 'XM-DAC-46004',
          type: { code: '40', codelist: 'OrganisationType', version: '2.03' },
        }),
      ]);
    given([])
      .when(register({ organisationId: 'KZ-COR', parentId: 'KZ-MTR' }))
      .then([event('OrganisationRegistered', { ...registered.data, organisationId: 'KZ-COR', parentId: 'KZ-MTR' })]);
  });
  it('rejects registering twice', () => {
    given([registered]).when(register()).thenThrows('ORGANISATION_ALREADY_REGISTERED');
  });
  it.each(['ADB', 'XM-DAC', 'xm-dac-46004', 'XM-DAC-46004/1', 'XM-DAC-46 004'])('rejects the malformed IATI organisation id %s', (iatiOrgId) => {
    given([]).when(register({ iatiOrgId })).thenThrows('IATI_ORGANISATION_ID_INVALID');
  });
  it('rejects a type outside the organisation types, a malformed country, itself as parent, and no English name', () => {
    given([])
      .when(register({ type: '21' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([])
      .when(register({ countryCode: 'KAZ' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID');
    given([])
      .when(register({ parentId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_PARENT_IS_SELF');
    given([])
      .when(register({ names: { en: '', ru: 'Минэкономики' } }))
      .thenThrows('NAME_REQUIRED');
    given([])
      .when(register({ names: { en: 'Ministry of National Economy', ru: 'М'.repeat(501) } }))
      .thenThrows('NAME_TOO_LONG');
    given([])
      .when(register({ names: { en: 'Ministry of National Economy', de: 'Wirtschaftsministerium' } as never }))
      .thenThrows('UNKNOWN_LANGUAGE');
    given([])
      .when(register({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });
  it('lives in the stream organisation-<id>', () => {
    expect(organisationStreamId('XM-DAC-46004')).toBe('organisation-XM-DAC-46004');
  });
});

describe('RenameOrganisation', () => {
  const newNames = { en: 'Ministry of National Economy of the Republic of Kazakhstan' };
  it('replaces the names from the effective date, keeping the previous ones in the event', () => {
    given([registered])
      .when(command('RenameOrganisation', { names: newNames, effectiveDate: '2019-01-01' }))
      .then([event('OrganisationRenamed', { effectiveDate: '2019-01-01', previousNames: names, names: newNames })]);
  });
  it('rejects the same names, an unknown or merged organisation, and a date before registration', () => {
    given([registered])
      .when(command('RenameOrganisation', { names: { ...names, en: ` ${names.en} ` } }))
      .thenThrows('ORGANISATION_NAME_UNCHANGED');
    given([])
      .when(command('RenameOrganisation', { names: newNames }))
      .thenThrows('ORGANISATION_NOT_FOUND');
    given([registered, merged])
      .when(command('RenameOrganisation', { names: newNames }))
      .thenThrows('ORGANISATION_MERGED');
    given([registered])
      .when(command('RenameOrganisation', { names: newNames, effectiveDate: '2014-08-05' }))
      .thenThrows('ORGANISATION_CHANGE_BEFORE_REGISTRATION');
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
