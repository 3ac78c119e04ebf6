import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export const IDENTIFIER_RULE_CODES = ['IDENTIFIER_INVALID'] as const;
export type IdentifierRuleCode = (typeof IDENTIFIER_RULE_CODES)[number];

/**
 * An id the caller chose (project, commitment, organisation…): not blank and without surrounding
 * spaces, since ids are compared exactly and " ADB" would silently differ from "ADB".
 */
export function checkIdentifier(value: string, field: string): void {
  if (value.trim() === '' || value !== value.trim()) {
    throw new DomainRuleViolation<IdentifierRuleCode>('IDENTIFIER_INVALID', `${field} must be a non-blank id without leading or trailing spaces`, {
      field,
      value,
    });
  }
}
