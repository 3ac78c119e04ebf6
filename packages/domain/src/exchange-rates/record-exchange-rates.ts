import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkActualDate } from '../dates/world-dates.js';
import { parseDecimal } from '../decimal/decimal.js';
import { parseCurrency } from '../money/money.js';
import { optionalSource } from '../sourcing/source.js';
import type { ExchangeRateInput, RecordExchangeRates } from './commands.js';
import type { ExchangeRatesState } from './exchange-rates-state.js';
import type { ExchangeRateRecorded } from './events.js';
import type { ExchangeRatesRuleCode } from './rule-codes.js';

const violation = (code: ExchangeRatesRuleCode, message: string, details: ConstructorParameters<typeof DomainRuleViolation>[2]) =>
  new DomainRuleViolation<ExchangeRatesRuleCode>(code, message, details);

/** A positive decimal written canonically: "0.001930" and "00.00193" are both "0.00193". */
export function checkUsdPerUnit(value: string, field = 'usdPerUnit'): string {
  const parsed = typeof value === 'string' ? parseDecimal(value) : undefined;
  if (parsed === undefined || value.startsWith('-')) {
    throw violation('EXCHANGE_RATE_MALFORMED', `${field} must be a positive decimal written like 0.00193 (no exponent, no sign)`, {
      field,
      value: String(value),
    });
  }
  if (parsed.units <= 0n) throw violation('EXCHANGE_RATE_NOT_POSITIVE', `${field} must be more than 0`, { field, value });
  const digits = parsed.units.toString().padStart(parsed.scale + 1, '0');
  const whole = digits.slice(0, digits.length - parsed.scale);
  const fraction = digits.slice(digits.length - parsed.scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** The currency of an exchange-rate stream: an ISO 4217 code in use, never USD itself (its rate is 1). */
export function checkRateCurrency(code: string): string {
  const currency = parseCurrency(code);
  if (currency === 'USD') throw violation('EXCHANGE_RATE_FOR_USD', 'USD is the reference currency: its rate is always 1', { currency });
  return currency;
}

/** The rules every rate obeys on its own, whatever was recorded before: checked for a whole request before anything is stored. */
export function checkExchangeRate(currency: string, rate: ExchangeRateInput, today: string): ExchangeRateRecorded['data'] {
  const date = checkActualDate(rate.date, 'date', today);
  const usdPerUnit = checkUsdPerUnit(rate.usdPerUnit);
  return { currency: checkRateCurrency(currency), date, usdPerUnit, effectiveDate: date, ...optionalSource(rate.source, today) };
}

/**
 * One ExchangeRateRecorded per rate. Recording the rate already recorded for that currency and date
 * records nothing (so a batch can be re-sent safely); a different rate for a recorded date is a
 * correction and names the rate it replaces (`correctsRate`). Two different rates for one date in one
 * request are refused: which one is meant is not clear.
 */
export function decideRecordExchangeRates({ data }: RecordExchangeRates, state: ExchangeRatesState, { today }: DecisionContext): ExchangeRateRecorded[] {
  if (data.rates.length === 0) throw violation('EXCHANGE_RATES_REQUIRED', 'Send at least one rate', { currency: data.currency });
  const checked = data.rates.map((rate) => checkExchangeRate(data.currency, rate, today));
  const inRequest = new Map<string, string>();
  for (const rate of checked) {
    const earlier = inRequest.get(rate.date);
    if (earlier !== undefined && earlier !== rate.usdPerUnit) {
      throw violation(
        'CONFLICTING_EXCHANGE_RATES',
        `Two different rates for ${rate.currency} on ${rate.date} in one request: ${earlier} and ${rate.usdPerUnit}`,
        {
          currency: rate.currency,
          date: rate.date,
          rates: [earlier, rate.usdPerUnit],
        },
      );
    }
    inRequest.set(rate.date, rate.usdPerUnit);
  }
  const events: ExchangeRateRecorded[] = [];
  const current = new Map(state.rates);
  for (const rate of checked) {
    const recorded = current.get(rate.date);
    if (recorded === rate.usdPerUnit) continue;
    events.push({ type: 'ExchangeRateRecorded', data: { ...rate, ...(recorded !== undefined ? { correctsRate: recorded } : {}) } });
    current.set(rate.date, rate.usdPerUnit);
  }
  return events;
}

/** `RecordExchangeRates`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const recordExchangeRatesUseCase = useCase('RecordExchangeRates', decideRecordExchangeRates);
