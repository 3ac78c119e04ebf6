import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { requireActiveOrganisation } from './active-organisation.js';
import type { MergeOrganisation } from './commands.js';
import type { OrganisationMerged } from './events.js';
import type { OrganisationState } from './organisation-state.js';
import type { OrganisationRuleCode } from './rule-codes.js';

export function decideMergeOrganisation({ data }: MergeOrganisation, state: OrganisationState, { today }: DecisionContext): OrganisationMerged[] {
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  requireActiveOrganisation(state, data.organisationId, effectiveDate);
  checkIdentifier(data.intoOrganisationId, 'intoOrganisationId');
  if (data.intoOrganisationId === data.organisationId) {
    throw new DomainRuleViolation<OrganisationRuleCode>('ORGANISATION_MERGE_INTO_SELF', 'An organisation cannot be merged into itself', {
      organisationId: data.organisationId,
    });
  }
  const reason = data.reason?.trim();
  return [
    {
      type: 'OrganisationMerged',
      data: { organisationId: data.organisationId, effectiveDate, intoOrganisationId: data.intoOrganisationId, ...(reason ? { reason } : {}) },
    },
  ];
}

/** `MergeOrganisation`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const mergeOrganisationUseCase = useCase('MergeOrganisation', decideMergeOrganisation);
