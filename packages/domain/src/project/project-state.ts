import type { Cluster } from '../cluster/cluster.js';
import { toMinorUnits } from '../money/money.js';
import type { ProjectEvent } from './events.js';

export interface UnregisteredProject {
  readonly exists: false;
}

export interface RegisteredProject {
  readonly exists: true;
  readonly projectId: string;
  readonly cluster: Cluster;
  /** Cumulative commitments per currency, in minor units. */
  readonly committed: ReadonlyMap<string, bigint>;
  /** Cumulative disbursements per currency, in minor units. */
  readonly disbursed: ReadonlyMap<string, bigint>;
  readonly commitmentIds: ReadonlySet<string>;
  readonly disbursementIds: ReadonlySet<string>;
}

/** Only what the rules need; read models are built elsewhere. */
export type ProjectState = UnregisteredProject | RegisteredProject;

export function initialProjectState(): ProjectState {
  return { exists: false };
}

function plus(totals: ReadonlyMap<string, bigint>, amount: string, currency: string): ReadonlyMap<string, bigint> {
  const { minorUnits } = toMinorUnits({ amount, currency });
  return new Map(totals).set(currency, (totals.get(currency) ?? 0n) + minorUnits);
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return {
        exists: true,
        projectId: event.data.projectId,
        cluster: event.data.cluster,
        committed: new Map(),
        disbursed: new Map(),
        commitmentIds: new Set(),
        disbursementIds: new Set(),
      };
    case 'CommitmentRecorded': {
      if (!state.exists) return state;
      const { commitmentId, amount, currency } = event.data;
      return {
        ...state,
        committed: plus(state.committed, amount, currency),
        commitmentIds: new Set(state.commitmentIds).add(commitmentId),
      };
    }
    case 'DisbursementRecorded': {
      if (!state.exists) return state;
      const { disbursementId, amount, currency } = event.data;
      return {
        ...state,
        disbursed: plus(state.disbursed, amount, currency),
        disbursementIds: new Set(state.disbursementIds).add(disbursementId),
      };
    }
  }
}
