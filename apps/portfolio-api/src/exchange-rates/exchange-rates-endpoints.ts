import { recordExchangeRatesEndpoint } from './record-exchange-rates/record-exchange-rates.endpoint.js';

/** The exchange-rate use cases (reference data, programme-wide, one stream per currency), one folder each. */
export const exchangeRatesEndpoints = [recordExchangeRatesEndpoint];
