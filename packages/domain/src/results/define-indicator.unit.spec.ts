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

describe('DefineResult and DefineIndicator', () => {
  it('rejects an indicator of an unknown result, an indicator id used before, an unknown measure, a blank title', () => {
    const define = (data: object) =>
      command('DefineIndicator', { resultId: 'OUTCOME-1', indicatorId: 'I', title: 't', measure: '1', ascending: true, ...data });
    given([]).when(define({})).thenThrows('RESULT_NOT_FOUND');
    given(framework)
      .when(define({ indicatorId: 'PM25' }))
      .thenThrows('DUPLICATE_INDICATOR_ID');
    given([outcome])
      .when(define({ measure: '6' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([outcome])
      .when(define({ title: '' }))
      .thenThrows('RESULT_TITLE_REQUIRED');
  });
});
