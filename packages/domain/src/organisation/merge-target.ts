import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import type { OrganisationMerged } from './events.js';
import type { OrganisationState } from './organisation-state.js';
import type { OrganisationRuleCode } from './rule-codes.js';

/**
 * The organisation a merger names must be on the reference list, not merged itself (then the merger names
 * its successor), and registered by the day of the merger. `target` is the state of its own stream, read by
 * whoever runs the command.
 */
export function requireMergeTarget(merged: OrganisationMerged, target: OrganisationState): void {
  const { organisationId, intoOrganisationId, effectiveDate } = merged.data;
  const fail = (code: OrganisationRuleCode, message: string, details: Record<string, string> = {}) =>
    new DomainRuleViolation<OrganisationRuleCode>(code, message, { field: 'intoOrganisationId', organisationId, intoOrganisationId, ...details });
  if (!target.exists) throw fail('MERGE_TARGET_NOT_REGISTERED', `Organisation ${intoOrganisationId} is not registered; register it before merging into it`);
  if (target.mergedInto !== undefined) {
    throw fail('MERGE_TARGET_MERGED', `Organisation ${intoOrganisationId} was itself merged into ${target.mergedInto}; merge into that one`, {
      mergedInto: target.mergedInto,
    });
  }
  if (compareIsoDates(effectiveDate, target.registeredOn) < 0) {
    throw fail(
      'MERGE_BEFORE_TARGET_REGISTERED',
      `Organisation ${intoOrganisationId} is registered from ${target.registeredOn}, after this merger (${effectiveDate})`,
      {
        effectiveDate,
        registeredOn: target.registeredOn,
      },
    );
  }
}
