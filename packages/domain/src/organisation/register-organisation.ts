import { checkCode } from '../code-lists/coded.js';
import { ORGANISATION_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { normalizeLocalizedNames } from '../localized-names/localized-names.js';
import type { RegisterOrganisation } from './commands.js';
import type { OrganisationRegistered } from './events.js';
import { checkIatiOrganisationId } from './iati-organisation-id.js';
import type { OrganisationState } from './organisation-state.js';
import type { OrganisationRuleCode } from './rule-codes.js';

const fail = (code: OrganisationRuleCode, message: string, details: Record<string, string>) =>
  new DomainRuleViolation<OrganisationRuleCode>(code, message, details);

export function decideRegisterOrganisation({ data }: RegisterOrganisation, state: OrganisationState, { today }: DecisionContext): OrganisationRegistered[] {
  if (state.exists)
    throw fail('ORGANISATION_ALREADY_REGISTERED', `Organisation ${data.organisationId} is already registered`, { organisationId: data.organisationId });
  checkIdentifier(data.organisationId, 'organisationId');
  const names = normalizeLocalizedNames(data.names);
  const type = checkCode(ORGANISATION_TYPE, data.type, 'type');
  if (data.countryCode !== undefined && !/^[A-Z]{2}$/.test(data.countryCode)) {
    throw fail('ORGANISATION_COUNTRY_INVALID', `${JSON.stringify(data.countryCode)} is not an ISO 3166-1 alpha-2 code such as KZ`, {
      countryCode: data.countryCode,
    });
  }
  if (data.parentId !== undefined) {
    checkIdentifier(data.parentId, 'parentId');
    if (data.parentId === data.organisationId)
      throw fail('ORGANISATION_PARENT_IS_SELF', 'An organisation cannot be its own parent', { organisationId: data.organisationId });
  }
  return [
    {
      type: 'OrganisationRegistered',
      data: {
        organisationId: data.organisationId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        names,
        ...(data.iatiOrgId !== undefined ? { iatiOrgId: checkIatiOrganisationId(data.iatiOrgId) } : {}),
        type,
        ...(data.countryCode !== undefined ? { countryCode: data.countryCode } : {}),
        ...(data.parentId !== undefined ? { parentId: data.parentId } : {}),
      },
    },
  ];
}

/** `RegisterOrganisation`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const registerOrganisationUseCase = useCase('RegisterOrganisation', decideRegisterOrganisation);
