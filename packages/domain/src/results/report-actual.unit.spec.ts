import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { ResultsCommand } from './commands.js';
import { resultsDecider } from './decide.js';
import type { ResultsEvent } from './events.js';

const given = deciderSpecification(resultsDecider, context);
const command = (type: ResultsCommand['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', ...data } }) as ResultsCommand;
const event = (type: ResultsEvent['type'], data: object) => ({ type, data: { projectId: 'ECAB-AQ-02', effectiveDate: '2026-11-26', ...data } }) as ResultsEvent;
const coded = (codelist: string, code: string) => ({ code, codelist, version: '2.03' });
const outcome = event('ResultDefined', { resultId: 'OUTCOME-1', resultType: coded('ResultType', '2'), title: 'Cleaner winter air in Bishkek' });
const pm25 = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'PM25',
  title: 'Winter mean PM2.5',
  measure: coded('IndicatorMeasure', '1'),
  ascending: false,
  unit: 'µg/m³',
});
const story = event('IndicatorDefined', {
  resultId: 'OUTCOME-1',
  indicatorId: 'STORY',
  title: 'Data sharing agreed',
  measure: coded('IndicatorMeasure', '5'),
  ascending: true,
});
const framework = [outcome, pm25, story];

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
