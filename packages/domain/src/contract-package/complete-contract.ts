import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { checkActualDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import { checkNotBeforeAward, requireAwardedContract } from './awarded-contract.js';
import type { CompleteContract } from './commands.js';
import type { ContractPackageState } from './contract-package-state.js';
import type { ContractCompleted } from './events.js';

export function decideCompleteContract({ data }: CompleteContract, state: ContractPackageState, { today }: DecisionContext): ContractCompleted[] {
  const contract = requireAwardedContract(state, data.contractId);
  const completionDate = checkNotBeforeAward(contract, checkActualDate(data.completionDate, 'completionDate', today), 'completionDate');
  return [
    {
      type: 'ContractCompleted',
      data: {
        contractId: contract.contractId,
        projectId: contract.projectId,
        effectiveDate: completionDate,
        completionDate,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `CompleteContract`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const completeContractUseCase = useCase('CompleteContract', decideCompleteContract);
