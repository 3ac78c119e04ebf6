import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export const REASON_RULE_CODES = ['REASON_REQUIRED'] as const;
export type ReasonRuleCode = (typeof REASON_RULE_CODES)[number];

/** Why something was rescheduled, dropped, corrected…: free text, required, stored trimmed. */
export function requireReason(reason: string | undefined, field = 'reason'): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed === '') throw new DomainRuleViolation<ReasonRuleCode>('REASON_REQUIRED', `${field} is required`, { field });
  return trimmed;
}

/** A correction overrides a rule that protects published or terminal data, and must say why. */
export interface Correction {
  reason: string;
}
