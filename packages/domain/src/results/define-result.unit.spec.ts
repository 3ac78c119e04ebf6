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

describe('DefineResult and DefineIndicator', () => {
  it('rejects a result id used before, an unknown result type, and a blank title', () => {
    given([outcome])
      .when(command('DefineResult', { resultId: 'OUTCOME-1', resultType: '2', title: 'x' }))
      .thenThrows('DUPLICATE_RESULT_ID');
    given([])
      .when(command('DefineResult', { resultId: 'R', resultType: '4', title: 'x' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([])
      .when(command('DefineResult', { resultId: 'R', resultType: '1', title: ' ' }))
      .thenThrows('RESULT_TITLE_REQUIRED');
  });
});
