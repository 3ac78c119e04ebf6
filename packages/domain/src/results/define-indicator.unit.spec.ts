import { given, command, outcome, framework } from '../test-support/results-fixtures.js';

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
