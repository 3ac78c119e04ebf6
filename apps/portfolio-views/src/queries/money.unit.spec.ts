import { ProblemError } from '@ecab/platform';
import { missingRates, ratio, roundedAmount } from './money.js';
import { decodeCursor, pageOf } from './pagination.js';

describe('amounts the views compute', () => {
  it('rounds half away from zero to the currency’s decimals', () => {
    expect(roundedAmount('284.0000000', 'USD')).toBe('284.00');
    expect(roundedAmount('0.125', 'USD')).toBe('0.13');
    expect(roundedAmount('-0.125', 'USD')).toBe('-0.13');
    expect(roundedAmount('-0.004', 'USD')).toBe('0.00');
    expect(roundedAmount('1999.995', 'KZT')).toBe('2000.00');
    expect(roundedAmount('12.5', 'JPY')).toBe('13');
    expect(roundedAmount('7', 'XAA')).toBe('7.00');
    expect(roundedAmount(null, 'USD')).toBeNull();
  });

  it('gives ratios with 4 decimals and missing rates sorted and distinct', () => {
    expect(ratio('0.18367346938775510204')).toBe(0.1837);
    expect(ratio(null)).toBeNull();
    expect(missingRates(['KZT 2023-05-01', 'EUR 2024-01-02', 'KZT 2023-05-01', null as unknown as string])).toEqual([
      { currency: 'EUR', date: '2024-01-02' },
      { currency: 'KZT', date: '2023-05-01' },
    ]);
  });
});

describe('pages of a computed list', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  it('walks the list with the cursor it gives, and ends with null', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = pageOf(items, (i) => i, 2, cursor);
      seen.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(items);
  });

  it('refuses a cursor it did not give with a 400 naming /cursor', () => {
    let thrown: unknown;
    try {
      decodeCursor('nonsense', 1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).problem).toMatchObject({ status: 400, errors: [{ pointer: '/cursor' }] });
    // A cursor of another list (two keys where one is expected) is refused too.
    expect(() => decodeCursor(Buffer.from('["a","b"]').toString('base64url'), 1)).toThrow(ProblemError);
  });
});
