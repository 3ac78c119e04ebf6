import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { normalizeLocalizedNames } from '../localized-names/localized-names.js';
import type { SetProjectTitles } from './commands.js';
import type { ProjectTitlesSet } from './events.js';
import type { ProjectState } from './project-state.js';
import { normalizeProjectTitle } from './project-title.js';
import { requireRegisteredProject } from './registered-project.js';

/** English is required (IATI narrative default); Russian, Kazakh and Kyrgyz are optional. */
export function decideSetProjectTitles({ data }: SetProjectTitles, state: ProjectState, { today }: DecisionContext): ProjectTitlesSet[] {
  requireRegisteredProject(state, data.projectId);
  const titles = normalizeLocalizedNames(data.titles, normalizeProjectTitle);
  return [{ type: 'ProjectTitlesSet', data: { projectId: data.projectId, effectiveDate: resolveEffectiveDate(data.effectiveDate, today), titles } }];
}

/** `SetProjectTitles`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setProjectTitlesUseCase = useCase('SetProjectTitles', decideSetProjectTitles);
