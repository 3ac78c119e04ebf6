import { z } from 'zod';
import { identifier } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectPublishedV1 = z
  .object({
    ...projectFact,
    iatiIdentifier: identifier.describe('The IATI activity identifier under which it was published'),
  })
  .loose();

export type ProjectPublishedDataV1 = z.infer<typeof projectPublishedV1>;
