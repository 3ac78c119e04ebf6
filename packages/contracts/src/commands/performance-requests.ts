import { z } from 'zod';
import { codeField, correctionField, effectiveDateField, text } from './fields.js';
import { reviewParams } from './review-params.js';

/** A percentage as a decimal string ("40.5") or a number; the domain checks it is 0–100. */
const progressPercentage = z.union([text(30), z.number({ error: 'must be a number' }).finite('must be a finite number')], {
  error: 'must be a decimal string or a number',
});

/** RatePerformance: its route under /api/v1, path parameters and body. */
export const ratePerformanceRequest = {
  path: 'projects/:projectId/performance-reviews/:period/ratings',
  params: reviewParams,
  body: z
    .object({
      ratings: z
        .record(codeField, codeField, { error: 'must be an object {dimension: rating}' })
        .refine((ratings) => Object.keys(ratings).length <= 10, { message: 'must rate at most 10 dimensions' }),
      overall: codeField,
      worldBankRating: codeField.optional(),
      disbursementProgress: z
        .object({ disbursedPct: progressPercentage, elapsedPct: progressPercentage }, { error: 'must be an object {disbursedPct, elapsedPct}' })
        .strict()
        .optional(),
      rationale: text(2000).optional(),
      correction: correctionField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
};
