import { z } from 'zod';
import { coded, countryCode, identifier, localizedNames } from '../values.js';
import { organisationFact } from './organisation-fact.js';

export const organisationRegisteredV1 = z
  .object({
    ...organisationFact,
    names: localizedNames,
    iatiOrgId: identifier.optional().describe('The checked IATI organisation identifier'),
    type: coded('OrganisationType').describe('IATI organisation type, e.g. 10 government, 40 multilateral'),
    countryCode: countryCode.optional(),
    parentId: identifier.optional().describe('The organisation it belongs to, e.g. the ministry of an agency'),
  })
  .loose();

export type OrganisationRegisteredDataV1 = z.infer<typeof organisationRegisteredV1>;
