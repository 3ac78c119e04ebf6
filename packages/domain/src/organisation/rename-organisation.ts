import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { normalizeLocalizedNames, NAME_LANGUAGES } from '../localized-names/localized-names.js';
import { requireActiveOrganisation } from './active-organisation.js';
import type { RenameOrganisation } from './commands.js';
import type { OrganisationRenamed } from './events.js';
import type { OrganisationState } from './organisation-state.js';
import type { OrganisationRuleCode } from './rule-codes.js';

/** The whole set of names is replaced; the previous one is kept in the event for history. */
export function decideRenameOrganisation({ data }: RenameOrganisation, state: OrganisationState, { today }: DecisionContext): OrganisationRenamed[] {
  const effectiveDate = resolveEffectiveDate(data.effectiveDate, today);
  const organisation = requireActiveOrganisation(state, data.organisationId, effectiveDate);
  const names = normalizeLocalizedNames(data.names);
  if (NAME_LANGUAGES.every((language) => names[language] === organisation.names[language])) {
    throw new DomainRuleViolation<OrganisationRuleCode>('ORGANISATION_NAME_UNCHANGED', `Organisation ${data.organisationId} already has these names`, {
      organisationId: data.organisationId,
    });
  }
  return [{ type: 'OrganisationRenamed', data: { organisationId: data.organisationId, effectiveDate, previousNames: organisation.names, names } }];
}

/** `RenameOrganisation`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const renameOrganisationUseCase = useCase('RenameOrganisation', decideRenameOrganisation);
