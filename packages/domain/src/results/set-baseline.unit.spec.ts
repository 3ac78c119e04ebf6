import { given, command, event, framework, cleanerAirFramework } from '../test-support/results-fixtures.js';

describe('SetBaseline and SetTarget', () => {
  it('takes text for a qualitative indicator, but not blank text', () => {
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'STORY', year: 2024, value: ' No agreement ' }))
      .then([event('BaselineSet', { indicatorId: 'STORY', year: 2024, value: 'No agreement' })]);
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'STORY', year: 2024, value: ' ' }))
      .thenThrows('QUALITATIVE_VALUE_REQUIRED');
  });

  it('rejects a baseline year in the future or not a year, and an unknown indicator', () => {
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2027, value: '1' }))
      .thenThrows('BASELINE_YEAR_INVALID');
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2024.5, value: '1' }))
      .thenThrows('BASELINE_YEAR_INVALID');
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'NO2', year: 2024, value: '1' }))
      .thenThrows('INDICATOR_NOT_FOUND');
  });
});

describe('edges', () => {
  it('takes baselines from 1900 to this year', () => {
    given(cleanerAirFramework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 1900, value: '1' }))
      .then([event('BaselineSet', { indicatorId: 'PM25', year: 1900, value: '1' })]);
    given(cleanerAirFramework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2026, value: '1' }))
      .then([event('BaselineSet', { indicatorId: 'PM25', year: 2026, value: '1' })]);
    given(cleanerAirFramework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 1899, value: '1' }))
      .thenThrows('BASELINE_YEAR_INVALID');
  });
});
