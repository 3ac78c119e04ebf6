import { z } from 'zod';
import { decimalNumber } from '../values.js';
import { performanceFact, performanceRating } from './performance-fact.js';

export const performanceRatedV1 = z
  .object({
    ...performanceFact,
    ratings: z
      .object({
        outputs: performanceRating,
        contract_awards: performanceRating,
        disbursements: performanceRating,
        financial_management: performanceRating,
        safeguards: performanceRating,
      })
      .loose()
      .describe('The rating of each dimension'),
    overall: performanceRating.describe('The overall rating'),
    worldBankRating: z
      .enum(['HS', 'S', 'MS', 'MU', 'U', 'HU'])
      .optional()
      .describe('World Bank / IEG six-point scale, highly satisfactory to highly unsatisfactory'),
    disbursementProgress: z
      .object({
        disbursedPct: decimalNumber.describe('Disbursed, in percent of the net commitment'),
        elapsedPct: decimalNumber.describe('Time elapsed from effectiveness to closing, in percent'),
      })
      .loose()
      .optional()
      .describe('What the disbursement rating was computed from'),
    thresholds: z
      .object({
        version: z.string().min(1).describe('The version of the thresholds, e.g. illustrative-1'),
        forAttentionGapPoints: z.number().describe('Elapsed % minus disbursed % above which disbursement is for_attention'),
        atRiskGapPoints: z.number().describe('Elapsed % minus disbursed % above which disbursement is at_risk'),
      })
      .loose()
      .describe('The thresholds the quarter was rated under'),
    rationale: z.string().min(1).optional(),
    correctionReason: z.string().min(1).optional().describe('Present when it corrects an earlier rating of the same quarter'),
  })
  .loose();

export type PerformanceRatedDataV1 = z.infer<typeof performanceRatedV1>;
