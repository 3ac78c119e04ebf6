import fc from 'fast-check';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { CURRENCIES, type CurrencyCode } from './currencies.js';
import { addMoney, compareMoney, formatAmount, formatMoney, parseMoney, subtractMoney, toMinorUnits, zeroMoney } from './money.js';

function ruleOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
  return 'accepted';
}

const usd = (amount: string) => parseMoney({ amount, currency: 'USD' });

describe('currencies', () => {
  it('come from the IATI list with ISO 4217 minor units', () => {
    expect(Object.keys(CURRENCIES)).toHaveLength(176);
    expect(CURRENCIES.KZT.minorUnits).toBe(2);
    expect(CURRENCIES.KGS.minorUnits).toBe(2);
    expect(CURRENCIES.USD.minorUnits).toBe(2);
    for (const code of ['JPY', 'KRW', 'VND', 'XOF'] as const) expect(CURRENCIES[code].minorUnits).toBe(0);
    for (const code of ['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD'] as const) expect(CURRENCIES[code].minorUnits).toBe(3);
  });
});

describe('parseMoney', () => {
  it('counts minor units exactly, per currency', () => {
    expect(parseMoney({ amount: '1500000', currency: 'KZT' })).toEqual({ currency: 'KZT', minorUnits: 150000000n });
    expect(parseMoney({ amount: '1500000', currency: 'JPY' })).toEqual({ currency: 'JPY', minorUnits: 1500000n });
    expect(parseMoney({ amount: '1.5', currency: 'BHD' })).toEqual({ currency: 'BHD', minorUnits: 1500n });
  });

  it('keeps amounts beyond Number precision exact', () => {
    expect(usd('999999999999999.99').minorUnits).toBe(99999999999999999n);
    expect(String(Number('999999999999999.99'))).toBe('1000000000000000'); // what a float would have made of it
  });

  it.each([
    ['1000000', 'USD', 'accepted'],
    ['0.01', 'USD', 'accepted'],
    ['999999999999999', 'USD', 'accepted'],
    ['1000000000000000', 'USD', 'AMOUNT_MALFORMED'],
    ['', 'USD', 'AMOUNT_MALFORMED'],
    ['1.', 'USD', 'AMOUNT_MALFORMED'],
    ['.5', 'USD', 'AMOUNT_MALFORMED'],
    ['1e6', 'USD', 'AMOUNT_MALFORMED'],
    [' 5', 'USD', 'AMOUNT_MALFORMED'],
    ['+5', 'USD', 'AMOUNT_MALFORMED'],
    ['-5', 'USD', 'AMOUNT_MALFORMED'],
    ['5,00', 'USD', 'AMOUNT_MALFORMED'],
    ['١٢', 'USD', 'AMOUNT_MALFORMED'],
    ['0', 'USD', 'AMOUNT_NOT_POSITIVE'],
    ['0.00', 'USD', 'AMOUNT_NOT_POSITIVE'],
    ['0.001', 'USD', 'AMOUNT_TOO_PRECISE'],
    ['1.10', 'USD', 'accepted'],
    ['1.100', 'USD', 'AMOUNT_TOO_PRECISE'],
    ['1.5', 'JPY', 'AMOUNT_TOO_PRECISE'],
    ['1.0', 'JPY', 'AMOUNT_TOO_PRECISE'],
    ['1.005', 'KWD', 'accepted'],
    ['1.0005', 'CLF', 'accepted'],
    ['1', 'XXX', 'UNKNOWN_CURRENCY'],
    ['1', 'usd', 'UNKNOWN_CURRENCY'],
    ['1', '', 'UNKNOWN_CURRENCY'],
    ['1', 'toString', 'UNKNOWN_CURRENCY'],
    ['1', 'VEF', 'CURRENCY_WITHDRAWN'],
  ])('%j %s → %s', (amount, currency, expected) => {
    expect(ruleOf(() => parseMoney({ amount, currency }))).toBe(expected);
  });
});

describe('formatting', () => {
  it('writes exactly the minor-unit decimals and no leading zeros', () => {
    expect(formatMoney(usd('1000000'))).toEqual({ amount: '1000000.00', currency: 'USD' });
    expect(formatAmount(usd('007.5'))).toBe('7.50');
    expect(formatAmount(usd('0.05'))).toBe('0.05');
    expect(formatAmount(parseMoney({ amount: '1000000', currency: 'KZT' }))).toBe('1000000.00');
    expect(formatAmount(parseMoney({ amount: '1000000', currency: 'JPY' }))).toBe('1000000');
    expect(formatAmount(parseMoney({ amount: '0.5', currency: 'OMR' }))).toBe('0.500');
    expect(formatAmount(zeroMoney('USD'))).toBe('0.00');
  });

  it('writes negative balances with a sign', () => {
    expect(formatAmount(subtractMoney(usd('1'), usd('1.5')))).toBe('-0.50');
    expect(formatAmount({ currency: 'JPY', minorUnits: -7n })).toBe('-7');
  });
});

describe('arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.30', () => {
    expect(formatAmount(addMoney(usd('0.1'), usd('0.2')))).toBe('0.30');
    expect(compareMoney(addMoney(usd('0.1'), usd('0.2')), usd('0.3'))).toBe(0);
  });

  it('adds and subtracts huge amounts without losing a cent', () => {
    const max = usd('999999999999999.99');
    expect(formatAmount(addMoney(max, max))).toBe('1999999999999999.98');
    expect(formatAmount(subtractMoney(addMoney(max, usd('0.01')), max))).toBe('0.01');
  });

  it('compares', () => {
    expect(compareMoney(usd('10'), usd('9.99'))).toBe(1);
    expect(compareMoney(usd('9.99'), usd('10'))).toBe(-1);
    expect(compareMoney(usd('10'), usd('10.00'))).toBe(0);
  });

  it('refuses to mix currencies: that is a programming error, not a rule', () => {
    const kzt = parseMoney({ amount: '1', currency: 'KZT' });
    expect(() => addMoney(usd('1'), kzt)).toThrow(RangeError);
    expect(() => compareMoney(usd('1'), kzt)).toThrow(RangeError);
  });
});

describe('toMinorUnits (recorded amounts)', () => {
  it('reads amounts in withdrawn currencies and negative balances, which parseMoney refuses', () => {
    expect(toMinorUnits({ amount: '10.00', currency: 'EEK' })).toEqual({ currency: 'EEK', minorUnits: 1000n });
    expect(toMinorUnits({ amount: '-0.50', currency: 'USD' })).toEqual({ currency: 'USD', minorUnits: -50n });
  });

  it('still refuses what cannot be an amount', () => {
    expect(() => toMinorUnits({ amount: '1.234', currency: 'USD' })).toThrow(RangeError);
    expect(() => toMinorUnits({ amount: 'abc', currency: 'USD' })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const activeCurrency = fc.constantFrom(...(Object.keys(CURRENCIES) as CurrencyCode[]).filter((code) => !CURRENCIES[code].withdrawn));

  it('format(parse(x)) is canonical and parses back to the same amount', () => {
    const input = activeCurrency.chain((currency) => {
      const decimals = CURRENCIES[currency].minorUnits;
      const fraction = decimals === 0 ? fc.constant('') : fc.stringMatching(new RegExp(`^\\.\\d{1,${decimals}}$`));
      return fc.record({
        currency: fc.constant(currency),
        amount: fc.tuple(fc.stringMatching(/^\d{1,15}$/), fc.option(fraction, { nil: '' })).map(([i, f]) => i + f),
      });
    });
    fc.assert(
      fc.property(input, (money) => {
        fc.pre(/[1-9]/.test(money.amount));
        const parsed = parseMoney(money);
        const canonical = formatMoney(parsed);
        expect(parseMoney(canonical)).toEqual(parsed);
        expect(formatMoney(parseMoney(canonical))).toEqual(canonical);
        const decimals = CURRENCIES[parsed.currency].minorUnits;
        expect(canonical.amount).toMatch(decimals === 0 ? /^(0|[1-9]\d*)$/ : new RegExp(`^(0|[1-9]\\d*)\\.\\d{${decimals}}$`));
      }),
      { numRuns: 1000 },
    );
  });

  it('parse(format(n)) gives back any positive count of minor units up to 15 integer digits', () => {
    const minor = activeCurrency.chain((currency) =>
      fc.record({
        currency: fc.constant(currency),
        minorUnits: fc.bigInt({ min: 1n, max: 10n ** BigInt(15 + CURRENCIES[currency].minorUnits) - 1n }),
      }),
    );
    fc.assert(
      fc.property(minor, (amount) => {
        expect(parseMoney(formatMoney(amount))).toEqual(amount);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding then subtracting gives the amount back', () => {
    const amount = fc.bigInt({ min: 1n, max: 10n ** 17n - 1n }).map((minorUnits) => ({ currency: 'USD' as const, minorUnits }));
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(subtractMoney(addMoney(a, b), b)).toEqual(a);
        expect(compareMoney(addMoney(a, b), a)).toBe(1);
      }),
    );
  });
});
