import { deciderSpecification } from '../testing/decider-spec.js';
import { context } from '../test-support/decision-context.js';
import type { RecordExchangeRates } from './commands.js';
import { exchangeRatesDecider } from './decide.js';
import type { ExchangeRateRecorded } from './events.js';
import { checkUsdPerUnit } from './record-exchange-rates.js';
import { exchangeRatesStreamId } from './stream.js';

const given = deciderSpecification(exchangeRatesDecider, context);
const source = { citation: 'National Bank of Kazakhstan official rate (illustrative)', confidence: 'illustrative' as const };
const record = (rates: RecordExchangeRates['data']['rates'], currency = 'KZT'): RecordExchangeRates => ({
  type: 'RecordExchangeRates',
  data: { currency, rates },
});
const recorded = (date: string, usdPerUnit: string, extra: Partial<ExchangeRateRecorded['data']> = {}, currency = 'KZT'): ExchangeRateRecorded => ({
  type: 'ExchangeRateRecorded',
  data: { currency, date, usdPerUnit, effectiveDate: date, ...extra },
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
  it('lives in one stream per currency', () => {
    expect(exchangeRatesStreamId('KGS')).toBe('exchange-rates-KGS');
  });
});
