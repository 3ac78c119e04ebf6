import { formatDate, formatMoney, formatNumber, formatRatio } from './format';

describe('formatting per language', () => {
  it('groups digits and places the currency the way each language writes money', () => {
    expect(formatMoney('en', '1234567.89', 'USD')).toBe('$1,234,568');
    // Russian: non-breaking spaces between groups, the symbol after the amount.
    expect(formatMoney('ru', '1234567.89', 'USD').replace(/\s/g, ' ')).toBe('1 234 568 $');
  });

  it('formats a decimal string exactly, beyond what a float holds', () => {
    expect(formatNumber('en', '12345678901234.5', 1)).toBe('12,345,678,901,234.5');
  });

  it('writes dates and ratios per language, and a dash for what is unknown', () => {
    expect(formatDate('en', '2026-03-05')).toBe('5 Mar 2026');
    expect(formatDate('ru', '2026-03-05')).toMatch(/^5 мар\.? 2026/);
    expect(formatRatio('en', 0.1234)).toBe('12.3%');
    expect(formatRatio('ru', 0.1234).replace(/\s/g, ' ')).toBe('12,3 %');
    expect(formatMoney('en', null)).toBe('—');
  });
});
