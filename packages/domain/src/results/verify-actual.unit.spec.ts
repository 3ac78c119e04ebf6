import { given, command, event, winter, cleanerAir, pm25Indicator } from '../test-support/results-fixtures.js';

const reported = (value: string, indicatorId = 'PM25', period = winter) => event('ActualReported', { indicatorId, period, value });
const verify = (indicatorId = 'PM25', period = winter) => command('VerifyActual', { indicatorId, period });

describe('edges', () => {
  it('ignores actuals of an indicator it does not know', () => {
    given([cleanerAir, reported('1', 'GHOST'), pm25Indicator])
      .when(verify())
      .thenThrows('ACTUAL_NOT_FOUND');
  });
});
