import { given, command, event, framework, winter, cleanerAirFramework } from '../test-support/results-fixtures.js';

describe('ReportActual, VerifyActual, RejectActual', () => {
  it('rejects an actual for a period that has not started', () => {
    given(framework)
      .when(command('ReportActual', { indicatorId: 'PM25', period: { start: '2026-12-01', end: '2027-02-28' }, value: '80' }))
      .thenThrows('ACTUAL_PERIOD_NOT_STARTED');
  });

  it('never replaces a verified actual', () => {
    const reported = event('ActualReported', { indicatorId: 'PM25', period: winter, value: '88.5' });
    const verified = [...framework, reported, event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '88.5' })];
    given(verified)
      .when(command('ReportActual', { indicatorId: 'PM25', period: winter, value: '70' }))
      .thenThrows('ACTUAL_ALREADY_VERIFIED');
  });
});

describe('edges', () => {
  it('reports an actual for a period starting today, and keeps its source', () => {
    const source = { citation: 'Bishkek air monitor', confidence: 'unconfirmed' };
    const today = { start: '2026-11-26', end: '2026-12-31' };
    given(cleanerAirFramework)
      .when(command('ReportActual', { indicatorId: 'PM25', period: today, value: '70', source }))
      .then([event('ActualReported', { indicatorId: 'PM25', period: today, value: '70', source })]);
  });
});
