import type { Event, EventPublication } from '../decider/decider.js';
import type { Source } from '../sourcing/source.js';

/**
 * The US-dollar value of one unit of a currency on a date: reference data for the USD equivalents
 * (docs/DOMAIN.md §2: amount × the latest rate on or before the value date). A correction is a new event
 * for the same currency and date that names the rate it replaces, so history shows it.
 */
export type ExchangeRateRecorded = Event<
  'ExchangeRateRecorded',
  {
    currency: string;
    /** YYYY-MM-DD, not in the future. */
    date: string;
    /** Positive decimal string, canonical (no leading zeros, no trailing zeros after the point). */
    usdPerUnit: string;
    /** = date. */
    effectiveDate: string;
    source?: Source;
    /** The usdPerUnit this rate replaces, when one was recorded for this currency and date. */
    correctsRate?: string;
  }
>;

export type ExchangeRatesEvent = ExchangeRateRecorded;
export type ExchangeRatesEventType = ExchangeRatesEvent['type'];

export const EXCHANGE_RATES_EVENT_SCHEMA_VERSION = {
  ExchangeRateRecorded: 1,
} as const satisfies Record<ExchangeRatesEventType, number>;

/** Reference data, like the organisation list: read through the views, not offered to partners as events. */
export const EXCHANGE_RATES_EVENT_PUBLICATION = {
  ExchangeRateRecorded: { event: 'rate-recorded', partnerFacing: false },
} as const satisfies Record<ExchangeRatesEventType, EventPublication>;
