import { given, command, event, names, type, registeredWithoutCountry, registered } from '../test-support/organisation-fixtures.js';

const registerWithoutCountry = (data: object = {}) => command('RegisterOrganisation', { names, type: '10', effectiveDate: '2014-08-06', ...data });
const register = (data: object = {}) => command('RegisterOrganisation', { names, type: '10', countryCode: 'KZ', effectiveDate: '2014-08-06', ...data });

describe('refusals name the organisation and what is wrong', () => {
  it('registered twice, a bad IATI id or country, or its own parent', () => {
    given([registeredWithoutCountry])
      .when(registerWithoutCountry())
      .thenThrows('ORGANISATION_ALREADY_REGISTERED', { message: 'Organisation KZ-MNE is already registered', details: { organisationId: 'KZ-MNE' } });
    given([])
      .when(registerWithoutCountry({ iatiOrgId: 'ADB' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID', {
        message: '"ADB" is not an IATI organisation identifier such as XM-DAC-46004',
        details: { iatiOrgId: 'ADB' },
      });
    given([])
      .when(registerWithoutCountry({ countryCode: 'kz' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID', {
        message: '"kz" is not an ISO 3166-1 alpha-2 code such as KZ',
        details: { countryCode: 'kz' },
      });
    given([])
      .when(registerWithoutCountry({ parentId: 'KZ-MNE' }))
      .thenThrows('ORGANISATION_PARENT_IS_SELF', { message: 'An organisation cannot be its own parent', details: { organisationId: 'KZ-MNE' } });
  });
});

describe('edges', () => {
  it('registers with a parent, and with a two-letter country only', () => {
    given([])
      .when(registerWithoutCountry({ parentId: 'KZ-GOV', countryCode: 'KZ' }))
      .then([event('OrganisationRegistered', { effectiveDate: '2014-08-06', names, type, countryCode: 'KZ', parentId: 'KZ-GOV' })]);
    given([])
      .when(registerWithoutCountry({ countryCode: 'KAZ' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID');
    given([])
      .when(registerWithoutCountry({ countryCode: 'XKZ' }))
      .thenThrows('ORGANISATION_COUNTRY_INVALID');
    given([])
      .when(registerWithoutCountry({ iatiOrgId: 'XM-DAC-46004 ' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID');
    given([])
      .when(registerWithoutCountry({ iatiOrgId: ' XM-DAC-46004' }))
      .thenThrows('IATI_ORGANISATION_ID_INVALID');
  });
});

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
});
