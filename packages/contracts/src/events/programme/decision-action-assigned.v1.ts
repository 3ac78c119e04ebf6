import { z } from 'zod';
import { identifier, isoDate, organisationReference } from '../values.js';
import { programmeFact } from './programme-fact.js';

export const decisionActionAssignedV1 = z
  .object({
    ...programmeFact,
    decisionId: identifier.describe('The governance decision the action follows up'),
    actionId: identifier.describe('Unique within the decision'),
    description: z.string().min(1),
    owner: organisationReference.describe('The organisation responsible for the action'),
    dueDate: isoDate.describe('When it is due (YYYY-MM-DD)'),
  })
  .loose();

export type DecisionActionAssignedDataV1 = z.infer<typeof decisionActionAssignedV1>;
