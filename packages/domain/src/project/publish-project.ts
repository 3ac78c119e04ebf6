import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import type { PublishProject } from './commands.js';
import type { ProjectPublished } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/** Publication (IATI file, partner snapshot) freezes the identifier; republishing after changes is normal. */
export function decidePublishProject({ data }: PublishProject, state: ProjectState, { today }: DecisionContext): ProjectPublished[] {
  const project = requireRegisteredProject(state, data.projectId);
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  if (project.iatiIdentifier === undefined) {
    throw new DomainRuleViolation<ProjectRuleCode>('IATI_IDENTIFIER_REQUIRED', 'A project needs an IATI identifier before it is published', {
      projectId: data.projectId,
    });
  }
  return [{ type: 'ProjectPublished', data: { projectId: data.projectId, effectiveDate, iatiIdentifier: project.iatiIdentifier } }];
}

/** `PublishProject`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const publishProjectUseCase = useCase('PublishProject', decidePublishProject);
