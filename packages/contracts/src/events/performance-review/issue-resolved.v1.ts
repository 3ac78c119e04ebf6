import { z } from 'zod';
import { identifier } from '../values.js';
import { performanceFact } from './performance-fact.js';

export const issueResolvedV1 = z
  .object({
    ...performanceFact,
    issueId: identifier.describe('The issue resolved'),
    resolution: z.string().min(1),
  })
  .loose();

export type IssueResolvedDataV1 = z.infer<typeof issueResolvedV1>;
