import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { ResultsCommand } from './commands.js';
import { resultsDecider } from './decide.js';
import type { ResultsEvent } from './events.js';

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
const winter = { start: '2025-12-01', end: '2026-02-28' };
const reported = (value: string, indicatorId = 'PM25', period = winter) => event('ActualReported', { indicatorId, period, value });
const verify = (indicatorId = 'PM25', period = winter) => command('VerifyActual', { indicatorId, period });

describe('edges', () => {
  it('ignores actuals of an indicator it does not know', () => {
    given([cleanerAir, reported('1', 'GHOST'), pm25Indicator])
      .when(verify())
      .thenThrows('ACTUAL_NOT_FOUND');
  });
});
