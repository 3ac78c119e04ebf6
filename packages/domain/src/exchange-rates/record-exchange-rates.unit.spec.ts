import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { RecordExchangeRates } from './commands.js';
import { exchangeRatesDecider } from './decide.js';
import type { ExchangeRateRecorded } from './events.js';
import { checkUsdPerUnit } from './record-exchange-rates.js';

const given = deciderSpecification(exchangeRatesDecider, context);
const record = (rates: RecordExchangeRates['data']['rates'], currency = 'KZT'): RecordExchangeRates => ({
  type: 'RecordExchangeRates',
  data: { currency, rates },
});
const recordedKzt = (date: string, usdPerUnit: string, extra: Partial<ExchangeRateRecorded['data']> = {}): ExchangeRateRecorded => ({
  type: 'ExchangeRateRecorded',
  data: { currency: 'KZT', date, usdPerUnit, effectiveDate: date, ...extra },
});

const source = { citation: 'National Bank of Kazakhstan official rate (illustrative)', confidence: 'illustrative' as const };
const recorded = (date: string, usdPerUnit: string, extra: Partial<ExchangeRateRecorded['data']> = {}, currency = 'KZT'): ExchangeRateRecorded => ({
  type: 'ExchangeRateRecorded',
  data: { currency, date, usdPerUnit, effectiveDate: date, ...extra },
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
      .then([recordedKzt('2024-06-01', '2'), recordedKzt('2024-06-02', '0.0000005'), recordedKzt('2024-06-03', '120.05')]);
  });

  it('corrects within one request against the rate the same request recorded first', () => {
    given([recordedKzt('2024-06-01', '0.00222')])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00223' },
          { date: '2024-06-02', usdPerUnit: '0.00224' },
        ]),
      )
      .then([recordedKzt('2024-06-01', '0.00223', { correctsRate: '0.00222' }), recordedKzt('2024-06-02', '0.00224')]);
  });

  it('remembers the latest rate of each date', () => {
    const history = [
      recordedKzt('2024-06-01', '0.00222'),
      recordedKzt('2024-06-02', '0.0023'),
      recordedKzt('2024-06-01', '0.00223', { correctsRate: '0.00222' }),
    ];
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
      .then([recordedKzt('2024-06-02', '0.00231', { correctsRate: '0.0023' })]);
  });
});

describe('RecordExchangeRates', () => {
  it('records one event per rate, effective on its date, with its source', () => {
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00222', source },
          { date: '2024-09-15', usdPerUnit: '0.00208' },
        ]),
      )
      .then([recorded('2024-06-01', '0.00222', { source }), recorded('2024-09-15', '0.00208')]);
  });

  it('writes the rate canonically', () => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '00.002220' }]))
      .then([recorded('2024-06-01', '0.00222')]);
    expect(['1', '1.0', '12.50', '0.000001'].map((v) => checkUsdPerUnit(v))).toEqual(['1', '1', '12.5', '0.000001']);
  });

  it('records nothing for the rate already recorded for that date (a batch can be re-sent)', () => {
    given([recorded('2024-06-01', '0.00222')])
      .when(record([{ date: '2024-06-01', usdPerUnit: '0.002220' }]))
      .then([]);
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00222' },
          { date: '2024-06-01', usdPerUnit: '0.00222' },
        ]),
      )
      .then([recorded('2024-06-01', '0.00222')]);
  });

  it('records a different rate for a recorded date as a correction naming the rate it replaces', () => {
    given([recorded('2024-06-01', '0.00222'), recorded('2024-06-01', '0.00223', { correctsRate: '0.00222' })])
      .when(record([{ date: '2024-06-01', usdPerUnit: '0.00224', source }]))
      .then([recorded('2024-06-01', '0.00224', { correctsRate: '0.00223', source })]);
  });

  it('refuses two different rates for one date in one request', () => {
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.00222' },
          { date: '2024-06-01', usdPerUnit: '0.00223' },
        ]),
      )
      .thenThrows('CONFLICTING_EXCHANGE_RATES');
  });

  it('refuses USD, an unknown currency, an empty request', () => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '1' }], 'USD'))
      .thenThrows('EXCHANGE_RATE_FOR_USD');
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '1' }], 'XYZ'))
      .thenThrows('UNKNOWN_CURRENCY');
    given([]).when(record([])).thenThrows('EXCHANGE_RATES_REQUIRED');
  });

  it('refuses a date in the future or not in the calendar', () => {
    given([])
      .when(record([{ date: '2026-11-27', usdPerUnit: '0.002' }]))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([])
      .when(record([{ date: '2024-02-30', usdPerUnit: '0.002' }]))
      .thenThrows('DATE_INVALID');
  });

  it.each([
    ['EXCHANGE_RATE_NOT_POSITIVE', '0'],
    ['EXCHANGE_RATE_NOT_POSITIVE', '0.000'],
    ['EXCHANGE_RATE_MALFORMED', '-0.002'],
    ['EXCHANGE_RATE_MALFORMED', '2e-3'],
    ['EXCHANGE_RATE_MALFORMED', '0,002'],
  ])('refuses usdPerUnit with %s (%s)', (code, usdPerUnit) => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit }]))
      .thenThrows(code);
  });

  it('refuses a source without citation, and records nothing of a request with one bad rate', () => {
    given([])
      .when(record([{ date: '2024-06-01', usdPerUnit: '0.002', source: { ...source, citation: ' ' } }]))
      .thenThrows('SOURCE_CITATION_REQUIRED');
    given([])
      .when(
        record([
          { date: '2024-06-01', usdPerUnit: '0.002' },
          { date: '2024-06-02', usdPerUnit: '0' },
        ]),
      )
      .thenThrows('EXCHANGE_RATE_NOT_POSITIVE');
  });
});
