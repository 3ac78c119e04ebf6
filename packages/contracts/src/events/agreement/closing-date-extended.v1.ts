import { z } from 'zod';
import { isoDate, source } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const closingDateExtendedV1 = z
  .object({
    ...agreementFact,
    previousClosingDate: isoDate.optional().describe('The closing date before (YYYY-MM-DD), if there was one'),
    closingDate: isoDate.describe('The new closing date (YYYY-MM-DD)'),
    reason: z.string().min(1),
    source: source.optional(),
  })
  .loose();

export type ClosingDateExtendedDataV1 = z.infer<typeof closingDateExtendedV1>;
