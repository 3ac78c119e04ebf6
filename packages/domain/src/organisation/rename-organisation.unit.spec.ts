import { given, command, event, names, registeredWithoutCountry, registered, merged } from '../test-support/organisation-fixtures.js';

const rename = (data: object) => command('RenameOrganisation', { names: { en: 'Ministry of Economy' }, ...data });

describe('edges', () => {
  it('renames when any one language changes, and compares with the latest names', () => {
    given([registeredWithoutCountry])
      .when(rename({ names: { ...names, kk: 'Ұлттық экономика министрлігі' } }))
      .then([event('OrganisationRenamed', { previousNames: names, names: { ...names, kk: 'Ұлттық экономика министрлігі' } })]);
    given([registeredWithoutCountry])
      .when(rename({ names: { en: names.en } }))
      .then([event('OrganisationRenamed', { previousNames: names, names: { en: names.en } })]);
    const renamed = event('OrganisationRenamed', { previousNames: names, names: { en: 'Ministry of Economy' } });
    given([registeredWithoutCountry, renamed]).when(rename({})).thenThrows('ORGANISATION_NAME_UNCHANGED');
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
