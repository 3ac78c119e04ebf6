import { z } from 'zod';
import { datePeriod, measuredValue, source } from '../values.js';
import { indicatorFact } from './results-fact.js';

export const targetSetV1 = z
  .object({
    ...indicatorFact,
    period: datePeriod.describe('The period the target is for'),
    value: measuredValue,
    source: source.optional(),
  })
  .loose();

export type TargetSetDataV1 = z.infer<typeof targetSetV1>;
