import { z } from 'zod';
import { identifier } from '../values.js';
import { organisationFact } from './organisation-fact.js';

export const organisationMergedV1 = z
  .object({
    ...organisationFact,
    intoOrganisationId: identifier.describe('The organisation it became part of; this one is valid until the effective date'),
    reason: z.string().min(1).optional(),
  })
  .loose();

export type OrganisationMergedDataV1 = z.infer<typeof organisationMergedV1>;
