import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideApproveContractVariation } from './approve-contract-variation.js';
import { decideAwardContract } from './award-contract.js';
import type { ContractPackageCommand } from './commands.js';
import { decideCompleteContract } from './complete-contract.js';
import { evolveContractPackage, initialContractPackageState, type ContractPackageState } from './contract-package-state.js';
import type { ContractPackageEvent } from './events.js';
import { decidePlanProcurementPackage } from './plan-procurement-package.js';
import { decideTerminateContract } from './terminate-contract.js';

/** A procurement package of a project, from plan through award to completion or termination. Pure. */
export function decideContractPackage(command: ContractPackageCommand, state: ContractPackageState, context: DecisionContext): ContractPackageEvent[] {
  switch (command.type) {
    case 'PlanProcurementPackage':
      return decidePlanProcurementPackage(command, state, context);
    case 'AwardContract':
      return decideAwardContract(command, state, context);
    case 'ApproveContractVariation':
      return decideApproveContractVariation(command, state, context);
    case 'CompleteContract':
      return decideCompleteContract(command, state, context);
    case 'TerminateContract':
      return decideTerminateContract(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown contract package command ${JSON.stringify(unknown)}`);
    }
  }
}

export const contractPackageDecider: Decider<ContractPackageCommand, ContractPackageEvent, ContractPackageState, DecisionContext> = {
  decide: decideContractPackage,
  evolve: evolveContractPackage,
  initialState: initialContractPackageState,
};
