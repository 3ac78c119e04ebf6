import { z } from 'zod';
import { currencyCode, isoDate, occurredOn, source } from '../values.js';

export const exchangeRateRecordedV1 = z
  .object({
    currency: currencyCode.describe('ISO 4217 code of the currency, never USD; also selects the stream exchange-rates-<currency>'),
    date: isoDate.describe('The date the rate applies to (YYYY-MM-DD)'),
    usdPerUnit: z
      .string()
      .regex(/^\d+(?:\.\d+)?$/)
      .describe('US dollars per one unit of the currency: a positive decimal string, e.g. 0.00193'),
    effectiveDate: occurredOn.describe('= date'),
    source: source.optional(),
    correctsRate: z
      .string()
      .regex(/^\d+(?:\.\d+)?$/)
      .optional()
      .describe('The usdPerUnit this rate replaces, when a rate for this currency and date was recorded before'),
  })
  .loose();

export type ExchangeRateRecordedDataV1 = z.infer<typeof exchangeRateRecordedV1>;
