import type { EventContract } from '../../event-registry.js';
import { publishedEvent } from '../../published-event.js';
import { exchangeRateRecordedV1 } from './index.js';

/** Exchange rates (reference data): one stream per currency, exchange-rates-<currency>, subject exchange-rates. Name, aggregate, audience and topic come from the domain's event catalogue. */
export const EXCHANGE_RATES_CONTRACTS: readonly EventContract[] = [
  publishedEvent('ExchangeRateRecorded', {
    schema: exchangeRateRecordedV1,
    description: 'The US-dollar value of one unit of a currency on a date was recorded, or corrected (correctsRate).',
  }),
];
