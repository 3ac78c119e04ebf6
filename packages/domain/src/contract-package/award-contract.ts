import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkActualDate } from '../dates/world-dates.js';
import { formatMoney, parseMoney } from '../money/money.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import { optionalSource } from '../sourcing/source.js';
import { requireOpenPackage } from './awarded-contract.js';
import type { AwardContract } from './commands.js';
import type { ContractPackageState } from './contract-package-state.js';
import type { ContractAwarded } from './events.js';
import type { ContractPackageRuleCode } from './rule-codes.js';

/** A planned package is awarded once; the contract may be in another currency than the estimate. */
export function decideAwardContract({ data }: AwardContract, state: ContractPackageState, { today }: DecisionContext): ContractAwarded[] {
  const contract = requireOpenPackage(state, data.contractId);
  if (contract.status !== 'planned') {
    throw new DomainRuleViolation<ContractPackageRuleCode>('CONTRACT_ALREADY_AWARDED', `Contract ${data.contractId} was awarded on ${contract.awardDate}`, {
      contractId: data.contractId,
    });
  }
  const contractor = checkOrganisationReference(data.contractor, 'contractor');
  const contractValue = formatMoney(parseMoney(data.contractValue));
  const awardDate = checkActualDate(data.awardDate, 'awardDate', today);
  return [
    {
      type: 'ContractAwarded',
      data: {
        contractId: contract.contractId,
        projectId: contract.projectId,
        effectiveDate: awardDate,
        contractor,
        contractValue,
        awardDate,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `AwardContract`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const awardContractUseCase = useCase('AwardContract', decideAwardContract);
