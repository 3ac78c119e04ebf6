import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkCountryShares, type CountryShare } from './country-shares.js';

function codeOf(shares: readonly { code: string; percentage: number }[]): string {
  try {
    checkCountryShares(shares as readonly CountryShare[]);
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
}

describe('checkCountryShares', () => {
  it.each([
    ['KG 100', [{ code: 'KG', percentage: 100 }], 'accepted'],
    [
      'KZ 50 / KG 50',
      [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 50 },
      ],
      'accepted',
    ],
    // 59.4 + 40.6 is 100 in hundredths, though floats make 59.4 * 100 = 5940.000000000001.
    [
      'KZ 59.4 / KG 40.6',
      [
        { code: 'KZ', percentage: 59.4 },
        { code: 'KG', percentage: 40.6 },
      ],
      'accepted',
    ],
    // 0.1 + 0.2 !== 0.3 in floats; in hundredths it adds up.
    [
      'KZ 99.7 / KG 0.3',
      [
        { code: 'KZ', percentage: 99.7 },
        { code: 'KG', percentage: 0.3 },
      ],
      'accepted',
    ],
    [
      'KZ 33.33 / KG 66.67',
      [
        { code: 'KZ', percentage: 33.33 },
        { code: 'KG', percentage: 66.67 },
      ],
      'accepted',
    ],
    ['none', [], 'COUNTRIES_REQUIRED'],
    ['UZ 100', [{ code: 'UZ', percentage: 100 }], 'UNKNOWN_COUNTRY'],
    ['kz 100', [{ code: 'kz', percentage: 100 }], 'UNKNOWN_COUNTRY'],
    [
      'KZ twice',
      [
        { code: 'KZ', percentage: 50 },
        { code: 'KZ', percentage: 50 },
      ],
      'DUPLICATE_COUNTRY',
    ],
    [
      'KZ 100 / KG 0',
      [
        { code: 'KZ', percentage: 100 },
        { code: 'KG', percentage: 0 },
      ],
      'COUNTRY_PERCENTAGE_NOT_POSITIVE',
    ],
    [
      'KZ 110 / KG -10',
      [
        { code: 'KZ', percentage: 110 },
        { code: 'KG', percentage: -10 },
      ],
      'COUNTRY_PERCENTAGE_NOT_POSITIVE',
    ],
    ['KZ NaN', [{ code: 'KZ', percentage: Number.NaN }], 'COUNTRY_PERCENTAGE_NOT_POSITIVE'],
    [
      'KZ 33.333 / KG 66.667',
      [
        { code: 'KZ', percentage: 33.333 },
        { code: 'KG', percentage: 66.667 },
      ],
      'COUNTRY_PERCENTAGE_TOO_PRECISE',
    ],
    [
      'KZ 1e-7',
      [
        { code: 'KZ', percentage: 1e-7 },
        { code: 'KG', percentage: 100 },
      ],
      'COUNTRY_PERCENTAGE_TOO_PRECISE',
    ],
    [
      'KZ 50 / KG 49.99',
      [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 49.99 },
      ],
      'COUNTRY_PERCENTAGES_MUST_SUM_TO_100',
    ],
    [
      'KZ 100 / KG 0.01',
      [
        { code: 'KZ', percentage: 100 },
        { code: 'KG', percentage: 0.01 },
      ],
      'COUNTRY_PERCENTAGES_MUST_SUM_TO_100',
    ],
    ['KZ 1e21', [{ code: 'KZ', percentage: 1e21 }], 'COUNTRY_PERCENTAGES_MUST_SUM_TO_100'],
    ['KZ 90', [{ code: 'KZ', percentage: 90 }], 'COUNTRY_PERCENTAGES_MUST_SUM_TO_100'],
  ])('%s → %s', (_name, shares, expected) => {
    expect(codeOf(shares)).toBe(expected);
  });
});
