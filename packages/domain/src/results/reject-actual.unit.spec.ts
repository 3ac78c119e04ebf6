import { given, command, event, framework, winter } from '../test-support/results-fixtures.js';

const reported = event('ActualReported', { indicatorId: 'PM25', period: winter, value: '88.5' });

describe('ReportActual, VerifyActual, RejectActual', () => {
  it('rejects a rejection without a reason', () => {
    given([...framework, reported])
      .when(command('RejectActual', { indicatorId: 'PM25', period: winter, reason: '' }))
      .thenThrows('REASON_REQUIRED');
  });
});
