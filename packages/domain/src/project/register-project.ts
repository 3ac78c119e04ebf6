import { checkCluster } from '../cluster/cluster.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { checkCountryShares } from '../recipient-countries/country-shares.js';
import type { RegisterProject } from './commands.js';
import type { ProjectRegistered } from './events.js';
import type { ProjectState } from './project-state.js';
import { normalizeProjectTitle } from './project-title.js';
import type { ProjectRuleCode } from './rule-codes.js';

export function decideRegisterProject({ data }: RegisterProject, state: ProjectState, { today }: DecisionContext): ProjectRegistered[] {
  if (state.exists) {
    throw new DomainRuleViolation<ProjectRuleCode>('PROJECT_ALREADY_REGISTERED', `Project ${data.projectId} is already registered`, {
      projectId: data.projectId,
    });
  }
  checkIdentifier(data.projectId, 'projectId');
  const title = normalizeProjectTitle(data.title);
  const cluster = checkCluster(data.cluster);
  checkCountryShares(data.countries);
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  return [
    {
      type: 'ProjectRegistered',
      data: {
        projectId: data.projectId,
        title,
        cluster,
        countries: data.countries.map(({ code, percentage }) => ({ code, percentage })),
        effectiveDate,
      },
    },
  ];
}

/** `RegisterProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const registerProjectUseCase = useCase('RegisterProject', decideRegisterProject);
