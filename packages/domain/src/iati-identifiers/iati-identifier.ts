import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export const IATI_IDENTIFIER_RULE_CODES = ['IATI_IDENTIFIER_INVALID'] as const;
export type IatiIdentifierRuleCode = (typeof IATI_IDENTIFIER_RULE_CODES)[number];

/** Characters IATI forbids in identifiers because they break URLs and the registry. */
const FORBIDDEN = /[/&|?]/;

/** A part of an IATI identifier (an organisation ref or a local id): non-blank, no spaces, none of / & | ?. */
export function checkIatiIdentifierPart(value: string, field: string): string {
  if (value.trim() === '' || /\s/.test(value) || FORBIDDEN.test(value)) {
    throw new DomainRuleViolation<IatiIdentifierRuleCode>('IATI_IDENTIFIER_INVALID', `${field} must be non-blank, without spaces and without any of / & | ?`, {
      field,
      value,
    });
  }
  return value;
}

/** `<reporting-org ref>-<local id>`: the activity identifier IATI requires (docs/DOMAIN.md §6.1). */
export function buildIatiIdentifier(reportingOrgRef: string, localId: string): string {
  checkIatiIdentifierPart(reportingOrgRef, 'reportingOrgRef');
  checkIatiIdentifierPart(localId, 'localId');
  return `${reportingOrgRef}-${localId}`;
}
