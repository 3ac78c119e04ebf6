import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import { optionalSource } from '../sourcing/source.js';
import { checkNotBeforeAward, requireAwardedContract } from './awarded-contract.js';
import type { TerminateContract } from './commands.js';
import type { ContractPackageState } from './contract-package-state.js';
import type { ContractTerminated } from './events.js';

export function decideTerminateContract({ data }: TerminateContract, state: ContractPackageState, { today }: DecisionContext): ContractTerminated[] {
  const contract = requireAwardedContract(state, data.contractId);
  const reason = requireReason(data.reason);
  const effectiveDate = checkNotBeforeAward(contract, resolveEffectiveDate(data.effectiveDate, today), 'effectiveDate');
  return [
    {
      type: 'ContractTerminated',
      data: { contractId: contract.contractId, projectId: contract.projectId, effectiveDate, reason, ...optionalSource(data.source, today) },
    },
  ];
}

/** `TerminateContract`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const terminateContractUseCase = useCase('TerminateContract', decideTerminateContract);
