import { given, command, framework } from '../test-support/results-fixtures.js';

describe('SetBaseline and SetTarget', () => {
  it('rejects a target period that ends before it starts', () => {
    given(framework)
      .when(command('SetTarget', { indicatorId: 'PM25', period: { start: '2029-02-28', end: '2028-12-01' }, value: '60' }))
      .thenThrows('PERIOD_END_BEFORE_START');
  });
});
