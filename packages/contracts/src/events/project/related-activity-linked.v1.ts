import { z } from 'zod';
import { coded, identifier } from '../values.js';
import { projectFact } from './project-fact.js';

export const relatedActivityLinkedV1 = z
  .object({
    ...projectFact,
    relatedActivityId: identifier.describe("The other activity's IATI identifier or portfolio project id"),
    relationType: coded('RelatedActivityType').describe('1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party'),
    checkpoint: z.string().min(1).optional().describe('For a child activity: the border checkpoint it covers'),
  })
  .loose();

export type RelatedActivityLinkedDataV1 = z.infer<typeof relatedActivityLinkedV1>;
