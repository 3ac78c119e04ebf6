import { z } from 'zod';
import { datePeriod, measuredValue } from '../values.js';
import { indicatorFact } from './results-fact.js';

export const actualRejectedV1 = z
  .object({
    ...indicatorFact,
    period: datePeriod.describe('The period of the rejected value'),
    value: measuredValue.describe('The rejected value, as reported'),
    reason: z.string().min(1),
  })
  .loose();

export type ActualRejectedDataV1 = z.infer<typeof actualRejectedV1>;
