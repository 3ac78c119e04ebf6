import { given, command, outcome } from '../test-support/results-fixtures.js';

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
