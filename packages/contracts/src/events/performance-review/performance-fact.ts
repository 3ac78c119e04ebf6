import { z } from 'zod';
import { occurredOn, projectId } from '../values.js';

/** What every performance-review event carries: which project, which quarter, effective when. */
export const performanceFact = {
  projectId,
  period: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .describe('The quarter reviewed, YYYY-Qn, e.g. 2026-Q3'),
  effectiveDate: occurredOn,
} as const;

export const performanceDimension = z
  .enum(['outputs', 'contract_awards', 'disbursements', 'financial_management', 'safeguards'])
  .describe('What is rated; more dimensions may be added');

export const performanceRating = z.enum(['on_track', 'for_attention', 'at_risk']).describe('The ADB-style rating');

export const riskLevel = z.enum(['low', 'medium', 'high']);
