import { z } from 'zod';
import { measuredValue, source } from '../values.js';
import { indicatorFact } from './results-fact.js';

export const baselineSetV1 = z
  .object({
    ...indicatorFact,
    year: z.number().int().describe('The baseline year, e.g. 2024'),
    value: measuredValue,
    source: source.optional(),
  })
  .loose();

export type BaselineSetDataV1 = z.infer<typeof baselineSetV1>;
