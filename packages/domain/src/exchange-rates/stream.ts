/** One stream per currency, e.g. exchange-rates-KZT: every rate of that currency, in the order recorded. */
export function exchangeRatesStreamId(currency: string): string {
  return `exchange-rates-${currency}`;
}

/** The subject of every exchange-rate event (programme topic, no project). */
export const EXCHANGE_RATES_SUBJECT = 'exchange-rates';
