import type { ProgrammeEvent } from './events.js';

export interface DecisionAction {
  readonly decisionId: string;
  readonly assignedOn: string;
  readonly completed: boolean;
}

export interface ProgrammeState {
  readonly registered: boolean;
  /** Each KPI keeps the unit it was first given. */
  readonly kpiUnits: ReadonlyMap<string, string>;
  readonly meetingIds: ReadonlySet<string>;
  readonly decisionIds: ReadonlySet<string>;
  readonly actions: ReadonlyMap<string, DecisionAction>;
}

export function initialProgrammeState(): ProgrammeState {
  return { registered: false, kpiUnits: new Map(), meetingIds: new Set(), decisionIds: new Set(), actions: new Map() };
}

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeRegistered':
      return { ...state, registered: true };
    case 'ProgrammeTargetSet':
    case 'ProgrammeKpiObserved':
      return state.kpiUnits.has(event.data.kpi) ? state : { ...state, kpiUnits: new Map(state.kpiUnits).set(event.data.kpi, event.data.unit) };
    case 'GovernanceMeetingRecorded': {
      const decisionIds = new Set(state.decisionIds);
      for (const { decisionId } of event.data.decisions) decisionIds.add(decisionId);
      return { ...state, meetingIds: new Set(state.meetingIds).add(event.data.meetingId), decisionIds };
    }
    case 'DecisionActionAssigned':
      return {
        ...state,
        actions: new Map(state.actions).set(event.data.actionId, { decisionId: event.data.decisionId, assignedOn: event.data.effectiveDate, completed: false }),
      };
    case 'DecisionActionCompleted': {
      const action = state.actions.get(event.data.actionId);
      return action ? { ...state, actions: new Map(state.actions).set(event.data.actionId, { ...action, completed: true }) } : state;
    }
  }
}
