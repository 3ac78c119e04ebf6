import { type ExchangeRateInput, recordExchangeRatesUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { currencyField, dateField, sourceField } from '@ecab/contracts/commands';

const rateField = z
  .object(
    {
      currency: currencyField.refine((code) => code !== 'USD', { message: 'is USD, the reference currency (its rate is always 1)' }),
      date: dateField,
      /** US dollars per one unit of the currency, e.g. "0.00193" for KZT. */
      usdPerUnit: z
        .string({ error: 'must be a positive decimal string such as "0.00193" (never a number)' })
        .regex(/^\d{1,12}(\.\d{1,12})?$/, 'must be a positive decimal string such as "0.00193", at most 12 digits before and after the point'),
      source: sourceField.optional(),
    },
    { error: 'must be an object {currency, date, usdPerUnit, source?}' },
  )
  .strict();

export const recordExchangeRatesEndpoint = defineEndpoint({
  name: recordExchangeRatesUseCase.commandType,
  aggregate: 'exchange-rates',
  method: 'post',
  path: 'reference/exchange-rates',
  tag: 'Reference data',
  summary: 'Record exchange rates (US dollars per unit of a currency on a date), for the USD equivalents',
  description:
    'One ExchangeRateRecorded per rate, in the stream exchange-rates-<currency>. The rate already recorded for that currency and date records nothing ' +
    '(re-sending a batch is harmless); a different one is a correction, which names the rate it replaces (correctsRate) so history shows it. ' +
    'Dates may not be in the future; two different rates for one currency and date in one request are refused. ' +
    'Every rate is checked before any is stored; with several currencies the answer lists each stream in `streams`. ' +
    'Programme-wide reference data: admins and program managers not limited to clusters.',
  creates: true,
  params: z.object({}).strict(),
  body: z
    .object({ rates: z.array(rateField, { error: 'must be a list of rates' }).min(1, 'must list at least one rate').max(500, 'must list at most 500 rates') })
    .strict(),
  // The stream of the first currency; `split` makes one command per currency.
  toCommand: ({ body }) => ({ type: recordExchangeRatesUseCase.commandType, data: { currency: body.rates[0]!.currency, rates: body.rates } }),
  split: (command) => {
    const byCurrency = new Map<string, ExchangeRateInput[]>();
    for (const rate of command.data.rates as readonly (ExchangeRateInput & { currency: string })[]) {
      const { currency, ...rest } = rate;
      byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), rest]);
    }
    return [...byCurrency].map(([currency, rates]) => ({ type: recordExchangeRatesUseCase.commandType, data: { currency, rates } }));
  },
  resourceId: () => 'exchange-rates',
  example: () => ({
    params: {},
    body: {
      rates: [
        {
          currency: 'KZT',
          date: '2024-06-03',
          usdPerUnit: '0.002235',
          source: { citation: 'National Bank of Kazakhstan official rate (example)', confidence: 'illustrative' },
        },
        {
          currency: 'KGS',
          date: '2024-06-03',
          usdPerUnit: '0.01137',
          source: { citation: 'National Bank of the Kyrgyz Republic official rate (example)', confidence: 'illustrative' },
        },
      ],
    },
  }),
});
