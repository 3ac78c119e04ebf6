import type { Command } from '../decider/decider.js';
import type { Source } from '../sourcing/source.js';

/** One published rate: how many US dollars one unit of the currency was worth on the date. */
export interface ExchangeRateInput {
  date: string;
  /** A positive decimal string, e.g. "0.00193" (KZT) or "0.0114" (KGS). */
  usdPerUnit: string;
  source?: Source;
}

/** Rates of one currency (its stream); the API splits a request's rates by currency. */
export type RecordExchangeRates = Command<'RecordExchangeRates', { currency: string; rates: readonly ExchangeRateInput[] }>;

export type ExchangeRatesCommand = RecordExchangeRates;
