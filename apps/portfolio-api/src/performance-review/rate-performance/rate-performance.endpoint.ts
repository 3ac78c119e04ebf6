import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, correctionField, effectiveDateField, text } from '../../commands/fields.js';
import { reviewParams } from '../review-params.js';

/** A percentage as a decimal string ("40.5") or a number; the domain checks it is 0–100. */
const progressPercentage = z.union([text(30), z.number({ error: 'must be a number' }).finite('must be a finite number')], {
  error: 'must be a decimal string or a number',
});

export const ratePerformanceEndpoint = defineEndpoint({
  name: 'RatePerformance',
  aggregate: 'performance-review',
  method: 'post',
  path: 'projects/:projectId/performance-reviews/:period/ratings',
  tag: 'Performance',
  summary:
    'Rate a started quarter: each dimension (outputs, contract_awards, disbursements, financial_management, safeguards) and overall as on_track, for_attention or at_risk; rating it again is a correction with a reason',
  description:
    'The disbursements rating may be left out when disbursementProgress is given: the configured thresholds (RATING_THRESHOLDS; default illustrative-1, recorded with the rating) then compute it, and a rating given with it must agree.',
  creates: true,
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
  // The thresholds are the platform's (RATING_THRESHOLDS), never the client's: a rating cannot pick its own.
  toCommand: ({ params, body, settings }) => ({
    type: 'RatePerformance',
    data: { projectId: params.projectId, period: params.period, ...body, thresholds: settings.ratingThresholds },
  }),
  resourceId: (command) => command.data.period,
  example: ({ projectId }) => ({
    params: { projectId, period: '2026-Q3' },
    body: {
      ratings: { outputs: 'on_track', contract_awards: 'for_attention', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' },
      overall: 'on_track',
      worldBankRating: 'MS',
      disbursementProgress: { disbursedPct: '40', elapsedPct: '55' },
      rationale: 'Contract awards slower than planned (example)',
      effectiveDate: '2026-10-15',
    },
  }),
});
