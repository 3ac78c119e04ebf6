import { z } from 'zod';
import { coded, identifier, organisationReference } from '../values.js';
import { projectFact } from './project-fact.js';

export const otherIdentifierAddedV1 = z
  .object({
    ...projectFact,
    ref: identifier.describe('The other identifier'),
    identifierType: coded('OtherIdentifierType'),
    kind: z.string().min(1).optional().describe('What the identifier is, in words'),
    owner: organisationReference.optional().describe('The organisation that issued the identifier'),
  })
  .loose();

export type OtherIdentifierAddedDataV1 = z.infer<typeof otherIdentifierAddedV1>;
