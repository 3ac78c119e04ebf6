import { z } from 'zod';
import { isoDateParameter, PAGE_PARAMETERS } from '../pagination.js';
import { GROUP_BY } from '../project-selection.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const portfolioSummaryQuery = defineQuery({
  name: 'PortfolioSummary',
  path: 'portfolio/summary',
  tag: 'Portfolio',
  summary: 'Projects and money per cluster, or per group with the docs/DOMAIN.md §2 indicators',
  description:
    'Without groupBy: per cluster, how many projects, and per currency the net commitment (`committed`) and the funds received (`disbursed`). ' +
    "With groupBy=portfolio (one group, `portfolio`: the whole portfolio's headline figures)|cluster|country|financier|status|rating: per group (`items`), the projects, the counts by rating, and per currency and in USD " +
    '(at the value date; `null` with `missingRates` when a rate is missing): net commitment, cumulative disbursement, spending (IATI 3+4), ' +
    'contract awards, undisbursed and uncontracted balances, estimated cost and financing gap, all as of `to`; the disbursement and contract-award ' +
    "ratios for the period `from`–`to` (default: the current calendar year); disbursement vs plan and the elapsed share of the agreements' time. " +
    'Countries are split by recipient-country percentage. A financier group holds only the money of its agreements: contract awards and estimates, ' +
    'which belong to no agreement, are null there.',
  query: z
    .object({
      ...READ_PARAMETERS,
      groupBy: z.enum(GROUP_BY).optional().describe('How to break the portfolio down'),
      from: isoDateParameter.optional().describe('First day of the period of the ratios (default: 1 January of this year)'),
      to: isoDateParameter.optional().describe('Last day of the period; cumulative figures are as of this day (default: 31 December of this year)'),
      ...PAGE_PARAMETERS,
    })
    .strict()
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
    .refine((q) => q.groupBy !== undefined || (q.from === undefined && q.to === undefined && q.cursor === undefined), {
      path: ['groupBy'],
      message: 'is needed with from, to or cursor',
    }),
});
