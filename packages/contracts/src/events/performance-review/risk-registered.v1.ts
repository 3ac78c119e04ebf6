import { z } from 'zod';
import { identifier } from '../values.js';
import { performanceDimension, performanceFact, riskLevel } from './performance-fact.js';

export const riskRegisteredV1 = z
  .object({
    ...performanceFact,
    riskId: identifier.describe('Unique within the project'),
    description: z.string().min(1),
    likelihood: riskLevel,
    impact: riskLevel,
    mitigation: z.string().min(1),
    dimension: performanceDimension.optional().describe('The dimension the risk threatens'),
  })
  .loose();

export type RiskRegisteredDataV1 = z.infer<typeof riskRegisteredV1>;
