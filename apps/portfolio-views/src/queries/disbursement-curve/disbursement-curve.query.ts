import { z } from 'zod';
import { PAGE_PARAMETERS } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

const DESCRIPTION =
  'Planned (PlannedDisbursementScheduled, by the quarter its period ends) against actual (funds received, by the quarter of the value date) ' +
  'disbursement, per quarter and cumulative, per currency and in USD at the value date (`null` with `missingRates` when a rate is missing). ' +
  'Every quarter from the first to the last with money is listed; cursor pages.';

export const projectDisbursementCurveQuery = defineQuery({
  name: 'ProjectDisbursementCurve',
  path: 'projects/:id/disbursement-curve',
  pathParameters: ['id'],
  tag: 'Projects',
  summary: 'A project’s planned vs actual cumulative disbursement by quarter',
  description: DESCRIPTION,
  query: z.object({ ...READ_PARAMETERS, ...PAGE_PARAMETERS }).strict(),
  csv: true,
});

export const portfolioDisbursementCurveQuery = defineQuery({
  name: 'PortfolioDisbursementCurve',
  path: 'portfolio/disbursement-curve',
  tag: 'Portfolio',
  summary: 'Planned vs actual cumulative disbursement by quarter of a filtered set of projects',
  description: `${DESCRIPTION} With a country, each project counts by its percentage there; with a financier, only its agreements count.`,
  query: z
    .object({
      ...READ_PARAMETERS,
      cluster: z.string().min(1).max(100).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
        .optional(),
      financier: z.string().min(1).max(200).optional(),
      status: z
        .string()
        .regex(/^[1-6]$/, 'must be an IATI ActivityStatus code, 1–6')
        .optional(),
      ...PAGE_PARAMETERS,
    })
    .strict(),
  csv: true,
});
