import { z } from 'zod';
import { countryShare } from '../values.js';
import { projectFact } from './project-fact.js';

export const recipientCountriesSetV1 = z
  .object({
    ...projectFact,
    countries: z.array(countryShare).min(1).describe('The whole set of recipient countries, replacing the previous one; the percentages add up to 100'),
  })
  .loose();

export type RecipientCountriesSetDataV1 = z.infer<typeof recipientCountriesSetV1>;
