import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { ContractPackageRuleCode } from './rule-codes.js';

/**
 * How a package is procured: international / national competitive bidding, quality- and
 * cost-based selection (consultants), quality-based, consultants' qualifications, individual
 * consultants, shopping (requests for quotations) and direct contracting.
 */
export const PROCUREMENT_METHODS = ['ICB', 'NCB', 'QCBS', 'QBS', 'CQS', 'ICS', 'shopping', 'direct'] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export function checkProcurementMethod(value: string): ProcurementMethod {
  if (!(PROCUREMENT_METHODS as readonly string[]).includes(value)) {
    throw new DomainRuleViolation<ContractPackageRuleCode>('UNKNOWN_PROCUREMENT_METHOD', `${JSON.stringify(value)} is not a procurement method`, {
      method: value,
      allowed: PROCUREMENT_METHODS,
    });
  }
  return value as ProcurementMethod;
}
