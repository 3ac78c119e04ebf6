import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkPolicyMarkerSet } from '../policy-markers/policy-marker-set.js';
import type { SetPolicyMarkers } from './commands.js';
import type { PolicyMarkersSet } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';

export function decideSetPolicyMarkers({ data }: SetPolicyMarkers, state: ProjectState, { today }: DecisionContext): PolicyMarkersSet[] {
  requireRegisteredProject(state, data.projectId);
  const markers = checkPolicyMarkerSet(data.markers);
  return [{ type: 'PolicyMarkersSet', data: { projectId: data.projectId, effectiveDate: resolveEffectiveDate(data.effectiveDate, today), markers } }];
}

/** `SetPolicyMarkers`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const setPolicyMarkersUseCase = useCase('SetPolicyMarkers', decideSetPolicyMarkers);
