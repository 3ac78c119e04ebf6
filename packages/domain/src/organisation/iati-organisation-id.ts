import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { OrganisationRuleCode } from './rule-codes.js';

/**
 * `<registration agency>-<id in that register>`: a 2-letter country or XM/XI prefix, the agency
 * code, then the identifier, e.g. XM-DAC-46004 or KZ-BIN-…; never any of / & | ? or a space.
 */
const IATI_ORGANISATION_ID = /^[A-Z]{2}-[A-Z0-9]{2,}-[A-Za-z0-9._-]+$/;

export function checkIatiOrganisationId(value: string): string {
  if (!IATI_ORGANISATION_ID.test(value)) {
    throw new DomainRuleViolation<OrganisationRuleCode>(
      'IATI_ORGANISATION_ID_INVALID',
      `${JSON.stringify(value)} is not an IATI organisation identifier such as XM-DAC-46004`,
      {
        iatiOrgId: value,
      },
    );
  }
  return value;
}
