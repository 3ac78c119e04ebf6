import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { PerformanceReviewRuleCode } from './rule-codes.js';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function checkRiskLevel(value: string, field: string): RiskLevel {
  if (!(RISK_LEVELS as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<PerformanceReviewRuleCode>('UNKNOWN_RISK_LEVEL', `${field} is low, medium or high`, {
      field,
      value: String(value),
      allowed: RISK_LEVELS,
    });
  }
  return value as RiskLevel;
}
