import { toMinorUnits, type MinorUnitAmount } from '../money/money.js';
import type { ContractPackageEvent } from './events.js';

export type ContractStatus = 'planned' | 'awarded' | 'completed' | 'terminated';

export interface PlannedContractPackage {
  readonly exists: true;
  readonly contractId: string;
  readonly projectId: string;
  readonly status: ContractStatus;
  readonly awardDate: string | undefined;
  /** The current contract value (award plus approved variations); undefined until awarded. */
  readonly contractValue: MinorUnitAmount | undefined;
  readonly variationIds: ReadonlySet<string>;
}

export type ContractPackageState = { readonly exists: false } | PlannedContractPackage;

export function initialContractPackageState(): ContractPackageState {
  return { exists: false };
}

export function evolveContractPackage(state: ContractPackageState, event: ContractPackageEvent): ContractPackageState {
  if (event.type === 'ProcurementPackagePlanned') {
    const { contractId, projectId } = event.data;
    return { exists: true, contractId, projectId, status: 'planned', awardDate: undefined, contractValue: undefined, variationIds: new Set() };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ContractAwarded':
      return { ...state, status: 'awarded', awardDate: event.data.awardDate, contractValue: toMinorUnits(event.data.contractValue) };
    case 'ContractVariationApproved':
      return { ...state, contractValue: toMinorUnits(event.data.contractValue), variationIds: new Set(state.variationIds).add(event.data.variationId) };
    case 'ContractCompleted':
      return { ...state, status: 'completed' };
    case 'ContractTerminated':
      return { ...state, status: 'terminated' };
  }
}
