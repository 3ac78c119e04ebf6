import { CURRENCIES, formatAmount, isCurrencyCode, minorUnitsOf, toMinorUnits } from '@ecab/domain';

/** PostgreSQL's numeric keeps whatever scale it summed; the API answers in the currency's own decimals. */
export function canonicalAmount(amount: string, currency: string): string {
  return formatAmount(toMinorUnits({ amount, currency }));
}

/** The currencies whose decimals are not 2, grouped by their decimals (the domain's ISO 4217 list). */
const CURRENCIES_BY_DECIMALS: ReadonlyMap<number, readonly string[]> = Object.entries(CURRENCIES).reduce((groups, [code, { minorUnits }]) => {
  if (minorUnits !== 2) groups.set(minorUnits, [...(groups.get(minorUnits) ?? []), code]);
  return groups;
}, new Map<number, string[]>());

/**
 * `canonicalAmount` as a SQL expression (text): a numeric amount with exactly its currency's decimals, so
 * that PostgreSQL can write a section of amounts as JSON text. `currency` null: the amount as it is.
 */
export function canonicalAmountSql(amount: string, currency: string): string {
  const branches = [...CURRENCIES_BY_DECIMALS].map(([decimals, codes]) => `when ${currency} in (${codes.map((c) => `'${c}'`).join(', ')}) then ${decimals}`);
  return `(case when ${currency} is null then (${amount})::text else round(${amount}, case ${branches.join(' ')} else 2 end)::text end)`;
}

/**
 * A computed amount (a share of a country, a USD conversion) rounded half away from zero to the
 * currency's decimals (2 for a code the platform does not know); null stays null.
 */
export function roundedAmount(value: string | null, currency: string): string | null {
  if (value === null) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new RangeError(`not a decimal: ${value}`);
  const decimals = isCurrencyCode(currency) ? minorUnitsOf(currency) : 2;
  const fraction = match[3] ?? '';
  let units = BigInt((match[2] ?? '0') + fraction.padEnd(decimals, '0').slice(0, decimals));
  if (Number(fraction.charAt(decimals) || '0') >= 5) units += 1n;
  const negative = match[1] === '-' && units !== 0n;
  const digits = units.toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${body}` : body;
}

/** A ratio as a number with 4 decimals; null when it has no denominator (0, or a missing rate). */
export function ratio(value: string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10000) / 10000;
}

/**
 * The USD value of one unit of `currency` on `date` (SQL expressions): the latest rate on or before the
 * date, 1 for USD, null when there is none — never a guess.
 */
export function usdRateSql(currency: string, date: string): string {
  return `(case when ${currency} = 'USD' then 1::numeric else (select r.usd_per_unit from exchange_rate r where r.currency = ${currency} and r.rate_date <= ${date} order by r.rate_date desc limit 1) end)`;
}

/** A rate the figure needed and the reference data does not have. */
export interface MissingRate {
  currency: string;
  date: string;
}

/** `["KZT 2025-01-02", …]` (as SQL aggregates them) → sorted, distinct `{ currency, date }`. */
export function missingRates(values: readonly (string | null)[] | null | undefined): MissingRate[] {
  const distinct = [...new Set((values ?? []).filter((v): v is string => typeof v === 'string'))].sort();
  return distinct.map((v) => {
    const [currency = '', date = ''] = v.split(' ');
    return { currency, date };
  });
}
