import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementRuleCode } from './rule-codes.js';

/** Why a transaction was reversed (docs/DOMAIN.md §7; the list is illustrative and may grow). */
export const REVERSAL_REASON_CODES = ['SOURCE_CORRECTION', 'DATA_ENTRY_ERROR', 'DUPLICATE_ENTRY'] as const;
export type ReversalReasonCode = (typeof REVERSAL_REASON_CODES)[number];

export function checkReversalReason(code: string): ReversalReasonCode {
  if (!(REVERSAL_REASON_CODES as readonly string[]).includes(code)) {
    throw new DomainRuleViolation<AgreementRuleCode>('UNKNOWN_REVERSAL_REASON', `${JSON.stringify(code)} is not a reversal reason`, {
      reasonCode: code,
      allowed: REVERSAL_REASON_CODES,
    });
  }
  return code as ReversalReasonCode;
}
