import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkSectorSet } from '../sectors/sector-set.js';
import type { SetSectors } from './commands.js';
import type { ProjectSectorsSet } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

export function decideSetSectors({ data }: SetSectors, state: ProjectState, { today }: DecisionContext): ProjectSectorsSet[] {
  const project = requireRegisteredProject(state, data.projectId);
  const sectors = checkSectorSet(data.sectors, project.cluster);
  return [{ type: 'ProjectSectorsSet', data: { projectId: data.projectId, effectiveDate: resolveEffectiveDate(data.effectiveDate, today), sectors } }];
}

/** `SetSectors`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setSectorsUseCase = useCase('SetSectors', decideSetSectors);
