import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

/**
 * An organisation as another aggregate refers to it: its organisation id (e.g. XM-DAC-46004) or,
 * for the many public bodies without a checked IATI id, just its name (docs/DOMAIN.md §5).
 */
export interface OrganisationReference {
  readonly organisationId?: string;
  readonly name?: string;
}

export const ORGANISATION_REFERENCE_RULE_CODES = ['ORGANISATION_REFERENCE_REQUIRED'] as const;
export type OrganisationReferenceRuleCode = (typeof ORGANISATION_REFERENCE_RULE_CODES)[number];

export function checkOrganisationReference(reference: OrganisationReference, field: string): OrganisationReference {
  const organisationId = reference.organisationId?.trim() ?? '';
  const name = reference.name?.trim() ?? '';
  if (organisationId === '' && name === '') {
    throw new DomainRuleViolation<OrganisationReferenceRuleCode>('ORGANISATION_REFERENCE_REQUIRED', `${field} needs an organisation id or a name`, {
      field,
    });
  }
  return { ...(organisationId !== '' ? { organisationId } : {}), ...(name !== '' ? { name } : {}) };
}

/** Compares references: by id when there is one, else by name ignoring case. */
export function organisationKey(reference: OrganisationReference): string {
  return reference.organisationId !== undefined ? `id:${reference.organisationId}` : `name:${(reference.name ?? '').toLowerCase()}`;
}
