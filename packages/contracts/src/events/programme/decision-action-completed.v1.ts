import { z } from 'zod';
import { identifier, isoDate, source } from '../values.js';
import { programmeFact } from './programme-fact.js';

export const decisionActionCompletedV1 = z
  .object({
    ...programmeFact,
    decisionId: identifier,
    actionId: identifier,
    completionDate: isoDate.describe('When it was completed (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type DecisionActionCompletedDataV1 = z.infer<typeof decisionActionCompletedV1>;
