import { z } from 'zod';
import { coded, identifier } from '../values.js';
import { resultsFact } from './results-fact.js';

export const resultDefinedV1 = z
  .object({
    ...resultsFact,
    resultId: identifier.describe('Unique within the project'),
    resultType: coded('ResultType').describe('1 output, 2 outcome, 3 impact, 9 other'),
    title: z.string().min(1),
  })
  .loose();

export type ResultDefinedDataV1 = z.infer<typeof resultDefinedV1>;
