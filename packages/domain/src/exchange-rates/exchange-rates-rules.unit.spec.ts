import { deciderSpecification } from '../testing/decider-spec.js';
import { context } from '../test-support/decision-context.js';
import type { RecordExchangeRates } from './commands.js';
import { exchangeRatesDecider } from './decide.js';
import type { ExchangeRateRecorded } from './events.js';
import { evolveExchangeRates, initialExchangeRatesState } from './exchange-rates-state.js';
import { EXCHANGE_RATES_SUBJECT } from './stream.js';

// What a client sees when rates are refused, and the edges of what is recorded.

const given = deciderSpecification(exchangeRatesDecider, context);
const record = (rates: RecordExchangeRates['data']['rates'], currency = 'KZT'): RecordExchangeRates => ({
  type: 'RecordExchangeRates',
  data: { currency, rates },
});
const recorded = (date: string, usdPerUnit: string, extra: Partial<ExchangeRateRecorded['data']> = {}): ExchangeRateRecorded => ({
  type: 'ExchangeRateRecorded',
  data: { currency: 'KZT', date, usdPerUnit, effectiveDate: date, ...extra },
});

describe('refusals say which rate and why', () => {
  it('a malformed or non-positive rate names the field and the value', () => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '-0.002' }]))
      .thenThrows('EXCHANGE_RATE_MALFORMED', {
        message: 'usdPerUnit must be a positive decimal written like 0.00193 (no exponent, no sign)',
        details: { field: 'usdPerUnit', value: '-0.002' },
      });
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: 0.002 as never }]))
      .thenThrows('EXCHANGE_RATE_MALFORMED', { details: { field: 'usdPerUnit', value: '0.002' } });
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '0.000' }]))
      .thenThrows('EXCHANGE_RATE_NOT_POSITIVE', {
        message: 'usdPerUnit must be more than 0',
        details: { field: 'usdPerUnit', value: '0.000' },
      });
  });
  it('USD, an empty request, and two rates for one date', () => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '1' }], 'USD'))
      .thenThrows('EXCHANGE_RATE_FOR_USD', {
        message: 'USD is the reference currency: its rate is always 1',
        details: { currency: 'USD' },
      });
    given([])
      .when(record([]))
      .thenThrows('EXCHANGE_RATES_REQUIRED', { message: 'Send at least one rate', details: { currency: 'KZT' } });
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00222' },
          { date: '2024-06-02', usdPerUnit: '0.1' },
          { date: '2024-06-01', usdPerUnit: '0.00223' },
        ]),
      )
      .thenThrows('CONFLICTING_EXCHANGE_RATES', {
        message: 'Two different rates for KZT on 2024-06-01 in one request: 0.00222 and 0.00223',
        details: { currency: 'KZT', date: '2024-06-01', rates: ['0.00222', '0.00223'] },
      });
  });
});

describe('what is recorded', () => {
  it('writes whole rates without a point, and keeps the digits of a small one', () => {
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '2.000' },
          { date: '2024-06-02', usdPerUnit: '0.0000005' },
          { date: '2024-06-03', usdPerUnit: '120.05' },
        ]),
      )
      .then([recorded('2024-06-01', '2'), recorded('2024-06-02', '0.0000005'), recorded('2024-06-03', '120.05')]);
  });
  it('corrects within one request against the rate the same request recorded first', () => {
    given([recorded('2024-06-01', '0.00222')])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00223' },
          { date: '2024-06-02', usdPerUnit: '0.00224' },
        ]),
      )
      .then([recorded('2024-06-01', '0.00223', { correctsRate: '0.00222' }), recorded('2024-06-02', '0.00224')]);
  });
  it('remembers the latest rate of each date', () => {
    const history = [recorded('2024-06-01', '0.00222'), recorded('2024-06-02', '0.0023'), recorded('2024-06-01', '0.00223', { correctsRate: '0.00222' })];
    given(history)
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00223' },
          { date: '2024-06-02', usdPerUnit: '0.00230' },
        ]),
      )
      .then([]);
    given(history)
      .when(record([{ date: '2024-06-02', usdPerUnit: '0.00231' }]))
      .then([recorded('2024-06-02', '0.00231', { correctsRate: '0.0023' })]);
  });
  it('knows whether the stream has any rate', () => {
    expect(initialExchangeRatesState()).toEqual({ exists: false, rates: new Map() });
    expect(evolveExchangeRates(initialExchangeRatesState(), recorded('2024-06-01', '0.00222'))).toEqual({
      exists: true,
      rates: new Map([['2024-06-01', '0.00222']]),
    });
  });
  it('is published under the exchange-rates subject', () => {
    expect(EXCHANGE_RATES_SUBJECT).toBe('exchange-rates');
  });
});
