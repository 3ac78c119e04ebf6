import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { MilestoneRuleCode } from './rule-codes.js';

/** What programme managers and ADB track (docs/DOMAIN.md §3); `other` needs a title. */
export const MILESTONE_CATEGORIES = ['fs-approved', 'board-approval', 'signing', 'effectiveness', 'contract-award', 'commissioning', 'other'] as const;
export type MilestoneCategory = (typeof MILESTONE_CATEGORIES)[number];

export function checkMilestoneCategory(value: string): MilestoneCategory {
  if (!(MILESTONE_CATEGORIES as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<MilestoneRuleCode>('UNKNOWN_MILESTONE_CATEGORY', `${JSON.stringify(value)} is not a milestone category`, {
      category: value,
      allowed: MILESTONE_CATEGORIES,
    });
  }
  return value as MilestoneCategory;
}
