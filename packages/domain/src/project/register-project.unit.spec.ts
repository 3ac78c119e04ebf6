import { given, projectRegistered, registerProject } from '../test-support/project-fixtures.js';

describe('RegisterProject', () => {
  it('registers a new project with its cluster and country split', () => {
    given([]).when(registerProject()).then([projectRegistered()]);
  });

  it('stores the title trimmed', () => {
    given([])
      .when(registerProject({ title: '  ABEC Regional Improvement of Border Services \n' }))
      .then([projectRegistered({ title: 'ABEC Regional Improvement of Border Services' })]);
  });

  it('accepts a single country holding 100%', () => {
    given([])
      .when(registerProject({ countries: [{ code: 'KG', percentage: 100 }] }))
      .then([projectRegistered({ countries: [{ code: 'KG', percentage: 100 }] })]);
  });

  it('accepts shares with two decimals that add up to exactly 100', () => {
    const countries = [
      { code: 'KZ', percentage: 33.33 },
      { code: 'KG', percentage: 66.67 },
    ] as const;
    given([])
      .when(registerProject({ countries }))
      .then([projectRegistered({ countries })]);
  });

  it('accepts a title of exactly 500 characters, counting Cyrillic letters as one each', () => {
    const title = 'Ж'.repeat(500);
    given([])
      .when(registerProject({ title }))
      .then([projectRegistered({ title })]);
  });

  it('rejects registering the same project twice', () => {
    const violation = given([projectRegistered()]).when(registerProject()).thenThrows('PROJECT_ALREADY_REGISTERED');
    expect(violation.details).toEqual({ projectId: 'ECAB-TR-01' });
  });

  it.each([
    ['blank', '   '],
    ['empty', ''],
    ['padded', ' ECAB-TR-01'],
  ])('rejects a %s project id', (_name, projectId) => {
    given([]).when(registerProject({ projectId })).thenThrows('IDENTIFIER_INVALID');
  });

  it('rejects a title that is blank once trimmed', () => {
    given([])
      .when(registerProject({ title: ' \t ' }))
      .thenThrows('TITLE_REQUIRED');
  });

  it('rejects a title longer than 500 characters', () => {
    const violation = given([])
      .when(registerProject({ title: 'x'.repeat(501) }))
      .thenThrows('TITLE_TOO_LONG');
    expect(violation.details).toEqual({ length: 501, maxLength: 500 });
  });

  it('rejects a cluster that is not an ECAB cluster', () => {
    given([])
      .when(registerProject({ cluster: 'energy' }))
      .thenThrows('UNKNOWN_CLUSTER');
  });

  it('rejects a project without recipient countries', () => {
    given([])
      .when(registerProject({ countries: [] }))
      .thenThrows('COUNTRIES_REQUIRED');
  });

  it('rejects country shares that do not add up to 100', () => {
    const countries = [
      { code: 'KZ', percentage: 50 },
      { code: 'KG', percentage: 49.99 },
    ] as const;
    const violation = given([]).when(registerProject({ countries })).thenThrows('COUNTRY_PERCENTAGES_MUST_SUM_TO_100');
    expect(violation.details).toEqual({ total: '99.99' });
  });

  it('rejects the same country twice', () => {
    const countries = [
      { code: 'KZ', percentage: 50 },
      { code: 'KZ', percentage: 50 },
    ] as const;
    given([]).when(registerProject({ countries })).thenThrows('DUPLICATE_COUNTRY');
  });
});

describe('RegisterProject effective date', () => {
  it('records when the project was registered in the world, today by default', () => {
    given([])
      .when(registerProject({ effectiveDate: '2024-12-05' }))
      .then([projectRegistered({ effectiveDate: '2024-12-05' })]);
  });

  it('rejects an effective date in the future', () => {
    given([])
      .when(registerProject({ effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
  });

  it('rejects an effective date that does not exist', () => {
    given([])
      .when(registerProject({ effectiveDate: '2026-02-29' }))
      .thenThrows('DATE_INVALID');
  });
});

describe('registration and approval refusals', () => {
  it('says a title is needed, and how long it may be', () => {
    given([])
      .when(registerProject({ title: ' ' }))
      .thenThrows('TITLE_REQUIRED', { message: 'The project needs a title', details: {} });
    given([])
      .when(registerProject({ title: 'ж'.repeat(501) }))
      .thenThrows('TITLE_TOO_LONG', {
        message: 'The title has 501 characters; at most 500 are allowed',
        details: { length: 501, maxLength: 500 },
      });
  });
});
