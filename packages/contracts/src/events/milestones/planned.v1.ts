import { z } from 'zod';
import { isoDate, source } from '../values.js';
import { milestoneFact } from './milestone-fact.js';

export const milestonePlannedV1 = z
  .object({
    ...milestoneFact,
    category: z
      .enum(['fs-approved', 'board-approval', 'signing', 'effectiveness', 'contract-award', 'commissioning', 'other'])
      .describe('What the milestone is; more categories may be added. other comes with a title'),
    title: z.string().min(1).optional().describe('Required for category other'),
    baselineDate: isoDate.describe('The date first planned (YYYY-MM-DD); slippage is counted against it'),
    source: source.optional(),
  })
  .loose();

export type MilestonePlannedDataV1 = z.infer<typeof milestonePlannedV1>;
