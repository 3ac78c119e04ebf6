import { event, given, register, registered, names } from '../test-support/programme-fixtures.js';

describe('registration refusals', () => {
  it('registers without aliases, and checks the programme id', () => {
    given([])
      .when(register({ aliases: undefined, clusters: ['transport'] }))
      .then([event('ProgrammeRegistered', { ...registered.data, aliases: [], clusters: ['transport'] })]);
    given([])
      .when(register({ programmeId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'programmeId' });
  });
});

describe('RegisterProgramme', () => {
  it('registers the programme with its names, aliases and clusters', () => {
    given([])
      .when(register({ names: { ...names, kk: ' ' }, aliases: [' ABEC', 'ABCI'] }))
      .then([registered]);
  });

  it('rejects registering twice', () => {
    given([registered]).when(register()).thenThrows('PROGRAMME_ALREADY_REGISTERED');
  });

  it('rejects a missing English name and an unknown language', () => {
    given([])
      .when(register({ names: { en: ' ', ru: 'ЭКАБ' } }))
      .thenThrows('NAME_REQUIRED');
    given([])
      .when(register({ names: { en: 'ECAB', fr: 'CEAB' } }))
      .thenThrows('UNKNOWN_LANGUAGE');
  });

  it('rejects blank or repeated aliases', () => {
    given([])
      .when(register({ aliases: ['ABEC', ' '] }))
      .thenThrows('PROGRAMME_ALIAS_BLANK');
    given([])
      .when(register({ aliases: ['ABEC', 'abec'] }))
      .thenThrows('DUPLICATE_PROGRAMME_ALIAS');
  });

  it('rejects no clusters, an unknown cluster and a repeated one', () => {
    given([])
      .when(register({ clusters: [] }))
      .thenThrows('PROGRAMME_CLUSTERS_REQUIRED');
    given([])
      .when(register({ clusters: ['transport', 'energy'] }))
      .thenThrows('UNKNOWN_CLUSTER');
    given([])
      .when(register({ clusters: ['transport', 'transport'] }))
      .thenThrows('DUPLICATE_PROGRAMME_CLUSTER');
  });
});
