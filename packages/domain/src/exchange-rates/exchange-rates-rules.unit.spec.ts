import type { ExchangeRateRecorded } from './events.js';
import { evolveExchangeRates, initialExchangeRatesState } from './exchange-rates-state.js';
import { EXCHANGE_RATES_SUBJECT } from './stream.js';

const recordedKzt = (date: string, usdPerUnit: string, extra: Partial<ExchangeRateRecorded['data']> = {}): ExchangeRateRecorded => ({
  type: 'ExchangeRateRecorded',
  data: { currency: 'KZT', date, usdPerUnit, effectiveDate: date, ...extra },
});

describe('what is recorded', () => {
  it('knows whether the stream has any rate', () => {
    expect(initialExchangeRatesState()).toEqual({ exists: false, rates: new Map() });
    expect(evolveExchangeRates(initialExchangeRatesState(), recordedKzt('2024-06-01', '0.00222'))).toEqual({
      exists: true,
      rates: new Map([['2024-06-01', '0.00222']]),
    });
  });

  it('is published under the exchange-rates subject', () => {
    expect(EXCHANGE_RATES_SUBJECT).toBe('exchange-rates');
  });
});
