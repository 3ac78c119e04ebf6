import { formatAmount, toMinorUnits } from '@ecab/domain';

/** PostgreSQL's numeric keeps whatever scale it summed; the API answers in the currency's own decimals. */
export function canonicalAmount(amount: string, currency: string): string {
  return formatAmount(toMinorUnits({ amount, currency }));
}
