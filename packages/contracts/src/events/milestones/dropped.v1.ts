import { z } from 'zod';
import { milestoneFact } from './milestone-fact.js';

export const milestoneDroppedV1 = z
  .object({
    ...milestoneFact,
    reason: z.string().min(1),
  })
  .loose();

export type MilestoneDroppedDataV1 = z.infer<typeof milestoneDroppedV1>;
