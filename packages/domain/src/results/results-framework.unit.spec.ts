import { resultsStreamId } from './stream.js';
import { given, command, event, outcome, pm25, framework, winter } from '../test-support/results-fixtures.js';

const reported = event('ActualReported', { indicatorId: 'PM25', period: winter, value: '88.5' });

describe('DefineResult and DefineIndicator', () => {
  it('defines an outcome and a descending indicator with its unit', () => {
    given([])
      .when(command('DefineResult', { resultId: 'OUTCOME-1', resultType: '2', title: ' Cleaner winter air in Bishkek ' }))
      .then([outcome]);
    given([outcome])
      .when(
        command('DefineIndicator', { resultId: 'OUTCOME-1', indicatorId: 'PM25', title: 'Winter mean PM2.5', measure: '1', ascending: false, unit: 'µg/m³' }),
      )
      .then([pm25]);
  });

  it('lives in the stream results-<projectId>', () => {
    expect(resultsStreamId('ECAB-AQ-02')).toBe('results-ECAB-AQ-02');
  });
});

describe('SetBaseline and SetTarget', () => {
  it('sets a baseline for a past year and a target for a future period', () => {
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2024, value: '96.0' }))
      .then([event('BaselineSet', { indicatorId: 'PM25', year: 2024, value: '96.0' })]);
    const period = { start: '2028-12-01', end: '2029-02-28' };
    given(framework)
      .when(command('SetTarget', { indicatorId: 'PM25', period, value: '60' }))
      .then([event('TargetSet', { indicatorId: 'PM25', period, value: '60' })]);
  });

  it('rejects a value that is not a number for a non-qualitative indicator', () => {
    given(framework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2024, value: 'high' }))
      .thenThrows('VALUE_NOT_DECIMAL');
    given(framework)
      .when(command('SetTarget', { indicatorId: 'PM25', period: winter, value: '1e2' }))
      .thenThrows('VALUE_NOT_DECIMAL');
  });
});

describe('ReportActual, VerifyActual, RejectActual', () => {
  it('reports an actual, then verifies it, carrying the value to partners', () => {
    given(framework)
      .when(command('ReportActual', { indicatorId: 'PM25', period: winter, value: '88.5' }))
      .then([reported]);
    given([...framework, reported])
      .when(command('VerifyActual', { indicatorId: 'PM25', period: winter }))
      .then([event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '88.5' })]);
  });

  it('rejects an actual with a reason, and accepts a corrected report afterwards', () => {
    const rejected = event('ActualRejected', { indicatorId: 'PM25', period: winter, value: '88.5', reason: 'Sensor 12 miscalibrated' });
    given([...framework, reported])
      .when(command('RejectActual', { indicatorId: 'PM25', period: winter, reason: 'Sensor 12 miscalibrated' }))
      .then([rejected]);
    given([...framework, reported, rejected])
      .when(command('ReportActual', { indicatorId: 'PM25', period: winter, value: '91.2' }))
      .then([event('ActualReported', { indicatorId: 'PM25', period: winter, value: '91.2' })]);
  });

  it('rejects verifying or rejecting when nothing is pending', () => {
    given(framework)
      .when(command('VerifyActual', { indicatorId: 'PM25', period: winter }))
      .thenThrows('ACTUAL_NOT_FOUND');
    given(framework)
      .when(command('RejectActual', { indicatorId: 'PM25', period: winter, reason: 'x' }))
      .thenThrows('ACTUAL_NOT_FOUND');
  });

  it('never verifies again or rejects a verified actual', () => {
    const verified = [...framework, reported, event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '88.5' })];
    given(verified)
      .when(command('VerifyActual', { indicatorId: 'PM25', period: winter }))
      .thenThrows('ACTUAL_ALREADY_VERIFIED');
    given(verified)
      .when(command('RejectActual', { indicatorId: 'PM25', period: winter, reason: 'x' }))
      .thenThrows('ACTUAL_ALREADY_VERIFIED');
  });
});
