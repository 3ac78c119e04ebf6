import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkValueDate, compareIsoDates, isIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30', '0001-01-01'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-1-05',
    '25-01-05',
    '2025-01-05T00:00:00Z',
    ' 2025-01-05',
    '',
    20250105,
    null,
  ])('rejects %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });
});

describe('compareIsoDates', () => {
  it('orders dates like the calendar', () => {
    expect(compareIsoDates('2025-09-30', '2025-10-01')).toBe(-1);
    expect(compareIsoDates('2025-10-01', '2025-10-01')).toBe(0);
    expect(compareIsoDates('2026-01-01', '2025-12-31')).toBe(1);
  });
});

describe('checkValueDate', () => {
  const codeOf = (date: string, today: string) => {
    try {
      checkValueDate(date, today);
      return 'accepted';
    } catch (error) {
      if (error instanceof DomainRuleViolation) return error.code;
      throw error;
    }
  };

  it('accepts today and the past, refuses tomorrow and dates that do not exist', () => {
    expect(codeOf('2026-11-26', '2026-11-26')).toBe('accepted');
    expect(codeOf('2014-11-06', '2026-11-26')).toBe('accepted');
    expect(codeOf('2026-11-27', '2026-11-26')).toBe('VALUE_DATE_IN_FUTURE');
    expect(codeOf('2026-02-29', '2026-11-26')).toBe('DATE_INVALID');
  });

  it('treats a malformed today as the caller’s bug, not a rule violation', () => {
    expect(() => checkValueDate('2025-01-01', '2025-02-30')).toThrow(RangeError);
  });
});
