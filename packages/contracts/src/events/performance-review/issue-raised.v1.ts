import { z } from 'zod';
import { identifier } from '../values.js';
import { performanceDimension, performanceFact } from './performance-fact.js';

export const issueRaisedV1 = z
  .object({
    ...performanceFact,
    issueId: identifier.describe('Unique within the project'),
    description: z.string().min(1),
    dimension: performanceDimension.optional().describe('The dimension the issue affects'),
  })
  .loose();

export type IssueRaisedDataV1 = z.infer<typeof issueRaisedV1>;
