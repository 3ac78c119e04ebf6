import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import type { MinorUnitAmount } from '../money/money.js';
import type { ContractPackageState, PlannedContractPackage } from './contract-package-state.js';
import type { ContractPackageRuleCode } from './rule-codes.js';

const fail = (code: ContractPackageRuleCode, message: string, details: Record<string, string>) =>
  new DomainRuleViolation<ContractPackageRuleCode>(code, message, details);

export function requirePlannedPackage(state: ContractPackageState, contractId: string): PlannedContractPackage {
  if (!state.exists) throw fail('CONTRACT_PACKAGE_NOT_FOUND', `Procurement package ${contractId} is not planned`, { contractId });
  return state;
}

/** Completed and terminated contracts are terminal: nothing changes them any more. */
export function requireOpenPackage(state: ContractPackageState, contractId: string): PlannedContractPackage {
  const contract = requirePlannedPackage(state, contractId);
  if (contract.status === 'completed' || contract.status === 'terminated') {
    throw fail('CONTRACT_CLOSED', `Contract ${contractId} is ${contract.status}`, { contractId, status: contract.status });
  }
  return contract;
}

export type AwardedContract = PlannedContractPackage & { readonly awardDate: string; readonly contractValue: MinorUnitAmount };

export function requireAwardedContract(state: ContractPackageState, contractId: string): AwardedContract {
  const contract = requireOpenPackage(state, contractId);
  // Stryker disable next-line LogicalOperator,ConditionalExpression: equivalent: ContractAwarded sets the award date and the value together, so both are set or neither
  if (contract.awardDate === undefined || contract.contractValue === undefined) {
    throw fail('CONTRACT_NOT_AWARDED', `Contract ${contractId} has not been awarded`, { contractId });
  }
  return contract as AwardedContract;
}

/** Nothing happens to a contract before it exists. */
export function checkNotBeforeAward(contract: AwardedContract, date: string, field: string): string {
  if (compareIsoDates(date, contract.awardDate) < 0) {
    throw fail('CONTRACT_DATE_BEFORE_AWARD', `${field} ${date} is before the award on ${contract.awardDate}`, { field, date, awardDate: contract.awardDate });
  }
  return date;
}
