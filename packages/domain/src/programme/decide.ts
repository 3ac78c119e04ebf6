import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { assignDecisionActionUseCase } from './assign-decision-action.js';
import { completeDecisionActionUseCase } from './complete-decision-action.js';
import { observeProgrammeKpiUseCase } from './observe-programme-kpi.js';
import { recordGovernanceMeetingUseCase } from './record-governance-meeting.js';
import { registerProgrammeUseCase } from './register-programme.js';
import { setProgrammeTargetUseCase } from './set-programme-target.js';
import type { ProgrammeCommand } from './commands.js';
import type { ProgrammeEvent } from './events.js';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from './programme-state.js';

/** The programme (IATI hierarchy 1): names, KPIs, governance meetings and their follow-up. Pure. */
export const decideProgramme: (command: ProgrammeCommand, state: ProgrammeState, context: DecisionContext) => ProgrammeEvent[] = decideByUseCase('programme', [
  registerProgrammeUseCase,
  setProgrammeTargetUseCase,
  observeProgrammeKpiUseCase,
  recordGovernanceMeetingUseCase,
  assignDecisionActionUseCase,
  completeDecisionActionUseCase,
]);

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState, DecisionContext> = {
  decide: decideProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
