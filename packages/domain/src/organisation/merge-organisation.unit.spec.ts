import { given, command, event, registeredWithoutCountry, registered, merged } from '../test-support/organisation-fixtures.js';

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
