import { z } from 'zod';
import { isoDate, source } from '../values.js';
import { contractFact } from './contract-fact.js';

export const contractCompletedV1 = z
  .object({
    ...contractFact,
    completionDate: isoDate.describe('The completion date (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type ContractCompletedDataV1 = z.infer<typeof contractCompletedV1>;
