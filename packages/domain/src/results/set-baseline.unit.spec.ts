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
