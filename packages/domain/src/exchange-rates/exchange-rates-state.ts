import type { ExchangeRatesEvent } from './events.js';

/** The latest usdPerUnit recorded per date, for the stream's currency: what idempotency and corrections need. */
export interface ExchangeRatesState {
  readonly exists: boolean;
  readonly rates: ReadonlyMap<string, string>;
}

export function initialExchangeRatesState(): ExchangeRatesState {
  return { exists: false, rates: new Map() };
}

export function evolveExchangeRates(state: ExchangeRatesState, event: ExchangeRatesEvent): ExchangeRatesState {
  return { exists: true, rates: new Map(state.rates).set(event.data.date, event.data.usdPerUnit) };
}
