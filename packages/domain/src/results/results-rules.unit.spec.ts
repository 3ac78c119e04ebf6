import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { ResultsCommand } from './commands.js';
import { resultsDecider } from './decide.js';
import type { ResultsEvent } from './events.js';

// What a client sees when a results-framework command is refused, and the edges of the rules.

const given = deciderSpecification(resultsDecider, context);
const command = (type: ResultsCommand['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', ...data } }) as ResultsCommand;
const event = (type: ResultsEvent['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', effectiveDate: '2026-11-26', ...data } }) as ResultsEvent;
const coded = (codelist: string, code: string) => ({ code, codelist, version: '2.03' });
const cleanerAir = event('ResultDefined', { resultId: 'OUTCOME-1', resultType: coded('ResultType', '2'), title: 'Cleaner air' });
const pm25Indicator = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'PM25',
  title: 'PM2.5',
  measure: coded('IndicatorMeasure', '1'),
  ascending: false,
});
const dataSharing = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'STORY',
  title: 'Data sharing',
  measure: coded('IndicatorMeasure', '5'),
  ascending: true,
});
const cleanerAirFramework = [cleanerAir, pm25Indicator, dataSharing];
const winter = { start: '2025-12-01', end: '2026-02-28' };
const report = (value: string, indicatorId = 'PM25', period = winter) => command('ReportActual', { indicatorId, period, value });
const reported = (value: string, indicatorId = 'PM25', period = winter) => event('ActualReported', { indicatorId, period, value });
const verify = (indicatorId = 'PM25', period = winter) => command('VerifyActual', { indicatorId, period });

describe('refusals name what is missing or taken', () => {
  it('results and indicators', () => {
    given([cleanerAir])
      .when(command('DefineResult', { resultId: 'OUTCOME-1', resultType: '2', title: 'x' }))
      .thenThrows('DUPLICATE_RESULT_ID', {
        message: 'Result OUTCOME-1 is already defined',
        details: { resultId: 'OUTCOME-1' },
      });
    given([])
      .when(command('DefineResult', { resultId: 'R', resultType: '1', title: ' ' }))
      .thenThrows('RESULT_TITLE_REQUIRED', { message: 'A result needs a title', details: { resultId: 'R' } });
    const define = (data: object) =>
      command('DefineIndicator', { resultId: 'OUTCOME-1', indicatorId: 'I', title: 't', measure: '1', ascending: true, ...data });
    given([])
      .when(define({}))
      .thenThrows('RESULT_NOT_FOUND', { message: 'Result OUTCOME-1 is not defined', details: { resultId: 'OUTCOME-1' } });
    given(cleanerAirFramework)
      .when(define({ indicatorId: 'PM25' }))
      .thenThrows('DUPLICATE_INDICATOR_ID', { message: 'Indicator PM25 is already defined', details: { indicatorId: 'PM25' } });
    given([cleanerAir])
      .when(define({ title: ' ' }))
      .thenThrows('RESULT_TITLE_REQUIRED', { message: 'An indicator needs a title', details: { indicatorId: 'I' } });
    given(cleanerAirFramework)
      .when(report('1', 'NO2'))
      .thenThrows('INDICATOR_NOT_FOUND', { message: 'Indicator NO2 is not defined', details: { indicatorId: 'NO2' } });
    given([])
      .when(command('DefineResult', { resultId: ' ', resultType: '1', title: 'x' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'resultId' });
    given([cleanerAir])
      .when(define({ indicatorId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'indicatorId' });
  });

  it('baselines and values', () => {
    given(cleanerAirFramework)
      .when(command('SetBaseline', { indicatorId: 'PM25', year: 2027, value: '1' }))
      .thenThrows('BASELINE_YEAR_INVALID', {
        message: 'The baseline year is a year from 1900 to this year',
        details: { year: '2027' },
      });
    given(cleanerAirFramework)
      .when(command('SetTarget', { indicatorId: 'STORY', period: winter, value: ' ' }))
      .thenThrows('QUALITATIVE_VALUE_REQUIRED', {
        message: 'value needs a text for a qualitative indicator',
        details: { field: 'value' },
      });
  });

  it('actuals', () => {
    given(cleanerAirFramework)
      .when(report('80', 'PM25', { start: '2026-12-01', end: '2027-02-28' }))
      .thenThrows('ACTUAL_PERIOD_NOT_STARTED', {
        message: 'Nothing can be measured yet for a period starting 2026-12-01',
        details: { start: '2026-12-01', today: '2026-11-26' },
      });
    const verified = [...cleanerAirFramework, reported('88.5'), event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '88.5' })];
    given(verified)
      .when(report('70'))
      .thenThrows('ACTUAL_ALREADY_VERIFIED', {
        message: 'The actual for this period is verified; it is not replaced',
        details: { period: '2025-12-01/2026-02-28' },
      });
    given(verified)
      .when(verify())
      .thenThrows('ACTUAL_ALREADY_VERIFIED', { message: 'The actual for this period is already verified', details: { period: '2025-12-01/2026-02-28' } });
    given(cleanerAirFramework)
      .when(verify())
      .thenThrows('ACTUAL_NOT_FOUND', {
        message: 'No actual awaits verification for this period',
        details: { indicatorId: 'PM25', period: '2025-12-01/2026-02-28' },
      });
  });
});

describe('edges', () => {
  it('verifies only the period asked for, of the indicator asked for', () => {
    const spring = { start: '2026-03-01', end: '2026-05-31' };
    const history = [
      ...cleanerAirFramework,
      reported('88.5'),
      reported('40', 'PM25', spring),
      event('ActualVerified', { indicatorId: 'PM25', period: spring, value: '40' }),
    ];
    given(history)
      .when(verify())
      .then([event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '88.5' })]);
    given(history).when(verify('STORY')).thenThrows('ACTUAL_NOT_FOUND');
    given([...cleanerAirFramework, reported('88.5')])
      .when(command('RejectActual', { indicatorId: 'PM25', period: winter, reason: ' Sensor fault ' }))
      .then([event('ActualRejected', { indicatorId: 'PM25', period: winter, value: '88.5', reason: 'Sensor fault' })]);
    const rejected = event('ActualRejected', { indicatorId: 'PM25', period: winter, value: '88.5', reason: 'x' });
    given([...cleanerAirFramework, reported('88.5'), rejected])
      .when(verify())
      .thenThrows('ACTUAL_NOT_FOUND');
  });

  it('replaces a pending report with a new one, and keeps a trimmed indicator unit', () => {
    given([...cleanerAirFramework, reported('88.5')])
      .when(report('87'))
      .then([reported('87')]);
    given([...cleanerAirFramework, reported('88.5'), reported('87')])
      .when(verify())
      .then([event('ActualVerified', { indicatorId: 'PM25', period: winter, value: '87' })]);
    given([cleanerAir])
      .when(command('DefineIndicator', { resultId: 'OUTCOME-1', indicatorId: 'I', title: ' t ', measure: '2', ascending: true, unit: '  ' }))
      .then([event('IndicatorDefined', { resultId: 'OUTCOME-1', indicatorId: 'I', title: 't', measure: coded('IndicatorMeasure', '2'), ascending: true })]);
  });
});
