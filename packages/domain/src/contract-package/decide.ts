import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { approveContractVariationUseCase } from './approve-contract-variation.js';
import { awardContractUseCase } from './award-contract.js';
import { completeContractUseCase } from './complete-contract.js';
import { planProcurementPackageUseCase } from './plan-procurement-package.js';
import { terminateContractUseCase } from './terminate-contract.js';
import type { ContractPackageCommand } from './commands.js';
import { evolveContractPackage, initialContractPackageState, type ContractPackageState } from './contract-package-state.js';
import type { ContractPackageEvent } from './events.js';

/** A procurement package of a project, from plan through award to completion or termination. Pure. */
export const decideContractPackage: (command: ContractPackageCommand, state: ContractPackageState, context: DecisionContext) => ContractPackageEvent[] =
  decideByUseCase('contract package', [
    planProcurementPackageUseCase,
    awardContractUseCase,
    approveContractVariationUseCase,
    completeContractUseCase,
    terminateContractUseCase,
  ]);

export const contractPackageDecider: Decider<ContractPackageCommand, ContractPackageEvent, ContractPackageState, DecisionContext> = {
  decide: decideContractPackage,
  evolve: evolveContractPackage,
  initialState: initialContractPackageState,
};
