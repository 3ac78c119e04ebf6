import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import type { ObserveProgrammeKpi } from './commands.js';
import type { ProgrammeKpiObserved } from './events.js';
import { decideKpiValue } from './kpi-value.js';
import type { ProgrammeState } from './programme-state.js';
import { requireRegisteredProgramme } from './registered-programme.js';

/** Conflicting published figures are each observed with their own source (docs/DOMAIN.md §7). */
export function decideObserveProgrammeKpi({ data }: ObserveProgrammeKpi, state: ProgrammeState, { today }: DecisionContext): ProgrammeKpiObserved[] {
  requireRegisteredProgramme(state, data.programmeId);
  return [{ type: 'ProgrammeKpiObserved', data: decideKpiValue(data, state, today, true) }];
}

/** `ObserveProgrammeKpi`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const observeProgrammeKpiUseCase = useCase('ObserveProgrammeKpi', decideObserveProgrammeKpi);
