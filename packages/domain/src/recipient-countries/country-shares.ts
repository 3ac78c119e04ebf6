import { DomainRuleViolation, type JsonValue } from '../decider/domain-rule-violation.js';
import { formatHundredths, percentageToHundredths } from '../percentages/hundredths.js';

/** The corridor's two recipient countries (ISO 3166-1 alpha-2). */
export const COUNTRY_CODES = ['KZ', 'KG'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** A recipient country and its share of the activity, in percent with at most 2 decimals. */
export interface CountryShare {
  readonly code: CountryCode;
  readonly percentage: number;
}

export const COUNTRY_RULE_CODES = [
  'COUNTRIES_REQUIRED',
  'UNKNOWN_COUNTRY',
  'DUPLICATE_COUNTRY',
  'COUNTRY_PERCENTAGE_NOT_POSITIVE',
  'COUNTRY_PERCENTAGE_TOO_PRECISE',
  'COUNTRY_PERCENTAGES_MUST_SUM_TO_100',
] as const;
export type CountryRuleCode = (typeof COUNTRY_RULE_CODES)[number];

function violation(code: CountryRuleCode, message: string, details: Record<string, JsonValue>) {
  return new DomainRuleViolation<CountryRuleCode>(code, message, details);
}

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (COUNTRY_CODES as readonly string[]).includes(value);
}

/**
 * The whole set of recipient countries: at least one, each once, each share positive with at
 * most 2 decimals, together exactly 100 (summed in integer hundredths). Throws otherwise.
 */
export function checkCountryShares(shares: readonly CountryShare[]): void {
  if (shares.length === 0) throw violation('COUNTRIES_REQUIRED', 'At least one recipient country is required', {});
  const seen = new Set<string>();
  let totalHundredths = 0;
  for (const { code, percentage } of shares) {
    if (!isCountryCode(code)) {
      throw violation('UNKNOWN_COUNTRY', `${JSON.stringify(code)} is not a recipient country of the corridor`, {
        country: code,
        allowed: COUNTRY_CODES,
      });
    }
    if (seen.has(code)) throw violation('DUPLICATE_COUNTRY', `${code} is listed more than once`, { country: code });
    seen.add(code);
    if (!Number.isFinite(percentage) || percentage <= 0) {
      throw violation('COUNTRY_PERCENTAGE_NOT_POSITIVE', `The share of ${code} must be greater than 0`, {
        country: code,
        percentage: Number.isFinite(percentage) ? percentage : String(percentage),
      });
    }
    // Above 100 the sum check below says what is wrong; precision is not the issue.
    const hundredths = percentage > 100 ? Math.round(percentage * 100) : percentageToHundredths(percentage);
    if (hundredths === undefined) {
      throw violation('COUNTRY_PERCENTAGE_TOO_PRECISE', `The share of ${code} may have at most 2 decimal places`, {
        country: code,
        percentage,
      });
    }
    totalHundredths += hundredths;
  }
  if (totalHundredths !== 100_00) {
    throw violation('COUNTRY_PERCENTAGES_MUST_SUM_TO_100', `The country shares add up to ${formatHundredths(totalHundredths)}%, not 100%`, {
      total: formatHundredths(totalHundredths),
    });
  }
}
