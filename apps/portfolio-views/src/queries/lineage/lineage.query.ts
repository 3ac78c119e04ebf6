import { z } from 'zod';
import { isoDateParameter, PAGE_PARAMETERS } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const LINEAGE_METRICS = ['netCommitment', 'disbursed', 'spent', 'awarded', 'undisbursed'] as const;

export const lineageQuery = defineQuery({
  name: 'Lineage',
  path: 'lineage',
  tag: 'Portfolio',
  summary: 'The events behind a money figure',
  description:
    'Every money event a figure is made of, oldest value date first (cursor pages), each with its signed contribution (a cancellation, ' +
    'a disbursement in the undisbursed balance or a reversal is negative), and `totals` per currency over all pages, equal to the figure ' +
    "(with a country, each amount counts by the country's share of its project: `share`). Cumulative figures of the summary are as of `to` with no `from`.",
  query: z
    .object({
      ...READ_PARAMETERS,
      metric: z.enum(LINEAGE_METRICS).describe('The figure to explain'),
      project: z.string().min(1).max(200).optional(),
      cluster: z.string().min(1).max(100).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
        .optional(),
      financier: z.string().min(1).max(200).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
        .optional(),
      from: isoDateParameter.optional().describe('Only money with a value date on or after this day'),
      to: isoDateParameter.optional().describe('Only money with a value date on or before this day'),
      ...PAGE_PARAMETERS,
    })
    .strict()
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'must not be before from' }),
  csv: true,
});
