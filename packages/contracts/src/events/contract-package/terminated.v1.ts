import { z } from 'zod';
import { source } from '../values.js';
import { contractFact } from './contract-fact.js';

export const contractTerminatedV1 = z
  .object({
    ...contractFact,
    reason: z.string().min(1),
    source: source.optional(),
  })
  .loose();

export type ContractTerminatedDataV1 = z.infer<typeof contractTerminatedV1>;
