import { checkCode } from '../code-lists/coded.js';
import { RELATED_ACTIVITY_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import type { LinkRelatedActivity } from './commands.js';
import type { RelatedActivityLinked } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/**
 * IATI related-activity. A project has at most one parent; a checkpoint programme keeps one child per
 * border checkpoint, so that the number of checkpoints is counted, not typed in (docs/DOMAIN.md §7).
 */
export function decideLinkRelatedActivity({ data }: LinkRelatedActivity, state: ProjectState, { today }: DecisionContext): RelatedActivityLinked[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.relatedActivityId, 'relatedActivityId');
  const relationType = checkCode(RELATED_ACTIVITY_TYPE, data.relationType, 'relationType');
  const violation = (code: ProjectRuleCode, message: string) =>
    new DomainRuleViolation<ProjectRuleCode>(code, message, { relatedActivityId: data.relatedActivityId, relationType: relationType.code });
  if (data.relatedActivityId === project.projectId || data.relatedActivityId === project.iatiIdentifier) {
    throw violation('RELATED_ACTIVITY_IS_SELF', 'A project cannot be related to itself');
  }
  if (project.relatedActivities.has(data.relatedActivityId)) throw violation('DUPLICATE_RELATED_ACTIVITY', `${data.relatedActivityId} is already linked`);
  if (relationType.code === '1' && [...project.relatedActivities.values()].includes('1')) {
    throw violation('PARENT_ALREADY_LINKED', 'A project has at most one parent activity');
  }
  const checkpoint = data.checkpoint?.trim();
  if (checkpoint !== undefined) {
    if (relationType.code !== '2') throw violation('CHECKPOINT_ONLY_ON_CHILD', 'Only a child activity (type 2) covers a checkpoint');
    if (checkpoint === '' || project.checkpointsWithChild.has(checkpoint)) {
      throw violation('CHECKPOINT_ALREADY_HAS_CHILD', `Checkpoint ${JSON.stringify(checkpoint)} is blank or already has its child activity`);
    }
  }
  return [
    {
      type: 'RelatedActivityLinked',
      data: {
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        relatedActivityId: data.relatedActivityId,
        relationType,
        ...(checkpoint !== undefined ? { checkpoint } : {}),
      },
    },
  ];
}

/** `LinkRelatedActivity`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const linkRelatedActivityUseCase = useCase('LinkRelatedActivity', decideLinkRelatedActivity);
