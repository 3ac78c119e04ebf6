import { z } from 'zod';
import { isoDate, source } from '../values.js';
import { milestoneFact } from './milestone-fact.js';

export const milestoneAchievedV1 = z
  .object({
    ...milestoneFact,
    actualDate: isoDate.describe('When it was achieved (YYYY-MM-DD)'),
    slippageDays: z.number().int().describe('Days from the baseline date to the actual date; negative when ahead of it'),
    source: source.optional(),
  })
  .loose();

export type MilestoneAchievedDataV1 = z.infer<typeof milestoneAchievedV1>;
