import { addDecimals, formatDecimal, parseDecimal, subtractDecimals } from './decimal.js';

function exact(text: string) {
  const parsed = parseDecimal(text);
  if (!parsed) throw new Error(`not a decimal: ${text}`);
  return parsed;
}

describe('formatDecimal', () => {
  it.each([
    ['0', '0'],
    ['12', '12'],
    ['-0.5', '-0.5'],
    ['0.05', '0.05'],
    ['-12.3400', '-12.3400'],
    ['98765432109876543210.0123456789', '98765432109876543210.0123456789'],
  ])('writes %s back as %s', (text, expected) => {
    expect(formatDecimal(exact(text))).toBe(expected);
  });

  it('writes sums and differences exactly, at the larger scale', () => {
    expect(formatDecimal(addDecimals(exact('0.1'), exact('0.2')))).toBe('0.3');
    expect(formatDecimal(addDecimals(exact('1500000'), exact('-1500000.25')))).toBe('-0.25');
    expect(formatDecimal(subtractDecimals(exact('10'), exact('10.005')))).toBe('-0.005');
    expect(formatDecimal(addDecimals(exact('99999999999999999999'), exact('0.0000000001')))).toBe('99999999999999999999.0000000001');
  });
});
