import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import type { OrganisationState, RegisteredOrganisation } from './organisation-state.js';
import type { OrganisationRuleCode } from './rule-codes.js';

/** Registered, not merged, and the change dated within its validity. */
export function requireActiveOrganisation(state: OrganisationState, organisationId: string, effectiveDate: string): RegisteredOrganisation {
  const fail = (code: OrganisationRuleCode, message: string, details: Record<string, string> = {}) =>
    new DomainRuleViolation<OrganisationRuleCode>(code, message, { organisationId, ...details });
  if (!state.exists) throw fail('ORGANISATION_NOT_FOUND', `Organisation ${organisationId} is not registered`);
  if (state.mergedInto !== undefined)
    throw fail('ORGANISATION_MERGED', `Organisation ${organisationId} was merged into ${state.mergedInto}`, { mergedInto: state.mergedInto });
  if (compareIsoDates(effectiveDate, state.registeredOn) < 0) {
    throw fail('ORGANISATION_CHANGE_BEFORE_REGISTRATION', `Organisation ${organisationId} is registered from ${state.registeredOn}`, {
      effectiveDate,
      registeredOn: state.registeredOn,
    });
  }
  return state;
}
