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

describe('SetBaseline and SetTarget', () => {
  it('rejects a target period that ends before it starts', () => {
    given(framework)
      .when(command('SetTarget', { indicatorId: 'PM25', period: { start: '2029-02-28', end: '2028-12-01' }, value: '60' }))
      .thenThrows('PERIOD_END_BEFORE_START');
  });
});
