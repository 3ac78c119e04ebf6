import { z } from 'zod';
import { coded, organisationReference } from '../values.js';
import { projectFact } from './project-fact.js';

export const participantAssignedV1 = z
  .object({
    ...projectFact,
    organisation: organisationReference,
    role: coded('OrganisationRole').describe('1 funding, 2 accountable, 3 extending, 4 implementing'),
    organisationType: coded('OrganisationType').optional(),
  })
  .loose();

export type ParticipantAssignedDataV1 = z.infer<typeof participantAssignedV1>;
