import { z } from 'zod';
import { amountField, currencyField } from '@ecab/contracts/commands';

/** An amount in a currency, as the contract commands carry it: `{amount: "1000000.00", currency: "USD"}`. */
export const moneyField = z.object({ amount: amountField, currency: currencyField }, { error: 'must be an object {amount, currency}' }).strict();

/** A signed decimal string: "-150000.00" reduces, "250000" increases; the domain refuses zero. */
export const signedAmountField = z
  .string({ error: 'must be a signed decimal string such as "-150000.00" (never a number)' })
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'must be a decimal string such as "250000.00" or "-150000.00", at most 15 digits before the point and 6 after');

/** A change of an amount in a currency, e.g. a contract variation. */
export const signedMoneyField = z.object({ amount: signedAmountField, currency: currencyField }, { error: 'must be an object {amount, currency}' }).strict();
