import { CLUSTERS, CURRENCIES, isIsoDate } from '@ecab/domain';
import { z } from 'zod';

/** Field schemas shared by the project commands' request bodies (shape only; the rules live in the domain). */
export const projectIdField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit (no / & | ?)');

export const clusterField = z.enum(CLUSTERS, { error: `must be one of ${CLUSTERS.join(', ')}` });

export const amountField = z
  .string({ error: 'must be a decimal string such as "1000000.00" (never a number)' })
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'must be a positive decimal string such as "1000000.00", at most 15 digits before the point');

export const currencyField = z
  .string({ error: 'must be an ISO 4217 currency code such as "USD"' })
  .refine((code) => Object.hasOwn(CURRENCIES, code), { message: 'is not an ISO 4217 currency code (e.g. USD, KZT, KGS)' });

export const dateField = z
  .string({ error: 'must be a calendar date YYYY-MM-DD' })
  .refine((value) => isIsoDate(value), { message: 'must be a real calendar date YYYY-MM-DD' });

export const organisationIdField = z
  .string({ error: 'must be an organisation identifier such as "XM-DAC-46004"' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/, 'must be an organisation identifier such as "XM-DAC-46004"');

export const moneyFlowRequest = z
  .object({
    amount: amountField,
    currency: currencyField,
    date: dateField,
    financier: organisationIdField,
  })
  .strict();
export type MoneyFlowRequest = z.infer<typeof moneyFlowRequest>;
