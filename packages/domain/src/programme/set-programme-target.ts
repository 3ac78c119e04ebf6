import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import type { SetProgrammeTarget } from './commands.js';
import type { ProgrammeTargetSet } from './events.js';
import { decideKpiValue } from './kpi-value.js';
import type { ProgrammeState } from './programme-state.js';
import { requireRegisteredProgramme } from './registered-programme.js';

/** Setting a target again for the same KPI and year (or date) supersedes the earlier one. */
export function decideSetProgrammeTarget({ data }: SetProgrammeTarget, state: ProgrammeState, { today }: DecisionContext): ProgrammeTargetSet[] {
  requireRegisteredProgramme(state, data.programmeId);
  return [{ type: 'ProgrammeTargetSet', data: decideKpiValue(data, state, today, false) }];
}

/** `SetProgrammeTarget`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setProgrammeTargetUseCase = useCase('SetProgrammeTarget', decideSetProgrammeTarget);
