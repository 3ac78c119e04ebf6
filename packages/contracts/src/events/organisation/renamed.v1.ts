import { z } from 'zod';
import { localizedNames } from '../values.js';
import { organisationFact } from './organisation-fact.js';

export const organisationRenamedV1 = z
  .object({
    ...organisationFact,
    previousNames: localizedNames.describe('The names before'),
    names: localizedNames.describe('The names from the effective date on'),
  })
  .loose();

export type OrganisationRenamedDataV1 = z.infer<typeof organisationRenamedV1>;
