/** Numbers, money and dates per language, through Intl; amounts stay decimal strings until shown. */
export type Language = 'en' | 'ru';
export const LANGUAGES: readonly Language[] = ['en', 'ru'];

const LOCALE: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

export function formatNumber(language: Language, value: number | string | null | undefined, digits = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value as number);
}

/** An amount (a decimal string) in its currency, whole units. */
export function formatMoney(language: Language, amount: string | null | undefined, currency = 'USD'): string {
  if (amount === null || amount === undefined) return '—';
  // Intl formats a decimal string exactly (no float on the way).
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(
    amount as unknown as number,
  );
}

export function formatRatio(language: Language, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** A calendar date YYYY-MM-DD (no time zone: shown as written). */
export function formatDate(language: Language, date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
}

/** An instant (ISO 8601), in UTC so that everyone reads the same time. */
export function formatInstant(language: Language, instant: string | null | undefined): string {
  if (!instant) return '—';
  return `${new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(instant))} UTC`;
}
