import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { AddLocation } from './commands.js';
import type { LocationAdded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

const inRange = (value: number, limit: number) => Number.isFinite(value) && Math.abs(value) <= limit;

export function decideAddLocation({ data }: AddLocation, state: ProjectState, { today }: DecisionContext): LocationAdded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.locationId, 'locationId');
  if (project.locationIds.has(data.locationId)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_LOCATION_ID', `Location ${data.locationId} is already recorded`, { locationId: data.locationId });
  }
  const name = data.name.trim();
  if (name === '') throw new DomainRuleViolation<ProjectRuleCode>('LOCATION_NAME_REQUIRED', 'A location needs a name', { locationId: data.locationId });
  if (data.point !== undefined && !(inRange(data.point.latitude, 90) && inRange(data.point.longitude, 180))) {
    throw new DomainRuleViolation<ProjectRuleCode>('COORDINATES_OUT_OF_RANGE', 'Latitude is -90 to 90 and longitude -180 to 180 degrees', {
      latitude: String(data.point.latitude),
      longitude: String(data.point.longitude),
    });
  }
  const description = data.description?.trim();
  return [
    {
      type: 'LocationAdded',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        locationId: data.locationId,
        name,
        ...(data.point !== undefined ? { point: { latitude: data.point.latitude, longitude: data.point.longitude } } : {}),
        ...(description ? { description } : {}),
      },
    },
  ];
}

/** `AddLocation`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const addLocationUseCase = useCase('AddLocation', decideAddLocation);
