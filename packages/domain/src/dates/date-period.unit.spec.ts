import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkPeriodAtMostOneYear } from './date-period.js';

const codeOf = (start: string, end: string) => {
  try {
    checkPeriodAtMostOneYear({ start, end }, 'period');
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
};

describe('checkPeriodAtMostOneYear', () => {
  it.each([
    ['2027-01-01', '2027-12-31', 'accepted'],
    ['2027-01-01', '2028-01-01', 'PERIOD_LONGER_THAN_A_YEAR'],
    ['2027-07-01', '2028-06-30', 'accepted'],
    ['2024-02-29', '2025-02-28', 'accepted'],
    ['2024-02-29', '2025-03-01', 'PERIOD_LONGER_THAN_A_YEAR'],
    ['2027-01-01', '2027-01-01', 'accepted'],
    ['2027-01-02', '2027-01-01', 'PERIOD_END_BEFORE_START'],
    ['2027-02-30', '2027-03-01', 'DATE_INVALID'],
  ])('%s to %s → %s', (start, end, expected) => {
    expect(codeOf(start, end)).toBe(expected);
  });
});
