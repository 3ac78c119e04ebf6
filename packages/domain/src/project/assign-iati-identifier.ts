import { OTHER_IDENTIFIER_TYPE } from '../code-lists/iati-code-lists.js';
import { checkCode } from '../code-lists/coded.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { buildIatiIdentifier } from '../iati-identifiers/iati-identifier.js';
import { requireReason } from '../reasons/reason.js';
import type { AssignIatiIdentifier } from './commands.js';
import type { OtherIdentifierAdded, ProjectIdentifierAssigned } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

/**
 * Before publication the identifier may be reassigned freely. Once published it never changes,
 * except by a correction with a reason, which also keeps the old one as other-identifier A3.
 */
export function decideAssignIatiIdentifier(
  { data }: AssignIatiIdentifier,
  state: ProjectState,
  { today }: DecisionContext,
): (ProjectIdentifierAssigned | OtherIdentifierAdded)[] {
  const project = requireRegisteredProject(state, data.projectId);
  const iatiIdentifier = buildIatiIdentifier(data.reportingOrgRef, data.localId);
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  if (project.iatiIdentifier === iatiIdentifier) return [];
  const assigned = { projectId: data.projectId, effectiveDate, iatiIdentifier, reportingOrgRef: data.reportingOrgRef, localId: data.localId };
  const previous = project.iatiIdentifier;
  if (!project.published || previous === undefined) return [{ type: 'ProjectIdentifierAssigned', data: assigned }];
  if (data.correction === undefined) {
    throw new DomainRuleViolation<ProjectRuleCode>(
      'IATI_IDENTIFIER_PUBLISHED',
      `The IATI identifier ${previous} has been published and never changes; only a correction with a reason can replace it`,
      { iatiIdentifier: previous, requested: iatiIdentifier },
    );
  }
  const correctionReason = requireReason(data.correction.reason, 'correction.reason');
  return [
    { type: 'ProjectIdentifierAssigned', data: { ...assigned, supersededIdentifier: previous, correctionReason } },
    {
      type: 'OtherIdentifierAdded',
      data: { projectId: data.projectId, effectiveDate, ref: previous, identifierType: checkCode(OTHER_IDENTIFIER_TYPE, 'A3', 'identifierType') },
    },
  ];
}

/** `AssignIatiIdentifier`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const assignIatiIdentifierUseCase = useCase('AssignIatiIdentifier', decideAssignIatiIdentifier);
