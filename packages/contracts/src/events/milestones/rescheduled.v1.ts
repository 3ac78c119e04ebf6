import { z } from 'zod';
import { isoDate } from '../values.js';
import { milestoneFact } from './milestone-fact.js';

export const milestoneRescheduledV1 = z
  .object({
    ...milestoneFact,
    previousDate: isoDate.describe('The planned date before (YYYY-MM-DD)'),
    newDate: isoDate.describe('The new planned date (YYYY-MM-DD)'),
    reason: z.string().min(1),
    slippageDays: z.number().int().describe('Days from the baseline date to the new date; negative when ahead of it'),
  })
  .loose();

export type MilestoneRescheduledDataV1 = z.infer<typeof milestoneRescheduledV1>;
