import { z } from 'zod';
import { localizedNames } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectTitlesSetV1 = z
  .object({
    ...projectFact,
    titles: localizedNames.describe('The whole set of titles; it replaces the previous one'),
  })
  .loose();

export type ProjectTitlesSetDataV1 = z.infer<typeof projectTitlesSetV1>;
