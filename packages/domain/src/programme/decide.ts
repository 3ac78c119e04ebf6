import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideAssignDecisionAction } from './assign-decision-action.js';
import type { ProgrammeCommand } from './commands.js';
import { decideCompleteDecisionAction } from './complete-decision-action.js';
import type { ProgrammeEvent } from './events.js';
import { decideObserveProgrammeKpi } from './observe-programme-kpi.js';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from './programme-state.js';
import { decideRecordGovernanceMeeting } from './record-governance-meeting.js';
import { decideRegisterProgramme } from './register-programme.js';
import { decideSetProgrammeTarget } from './set-programme-target.js';

/** The programme (IATI hierarchy 1): names, KPIs, governance meetings and their follow-up. Pure. */
export function decideProgramme(command: ProgrammeCommand, state: ProgrammeState, context: DecisionContext): ProgrammeEvent[] {
  switch (command.type) {
    case 'RegisterProgramme':
      return decideRegisterProgramme(command, state, context);
    case 'SetProgrammeTarget':
      return decideSetProgrammeTarget(command, state, context);
    case 'ObserveProgrammeKpi':
      return decideObserveProgrammeKpi(command, state, context);
    case 'RecordGovernanceMeeting':
      return decideRecordGovernanceMeeting(command, state, context);
    case 'AssignDecisionAction':
      return decideAssignDecisionAction(command, state, context);
    case 'CompleteDecisionAction':
      return decideCompleteDecisionAction(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown programme command ${JSON.stringify(unknown)}`);
    }
  }
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState, DecisionContext> = {
  decide: decideProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
