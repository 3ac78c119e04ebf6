import type { Event, EventPublication } from '../decider/decider.js';
import type { Money } from '../money/money.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';
import type { ProcurementMethod } from './procurement-method.js';

export interface ContractFact {
  contractId: string;
  projectId: string;
  effectiveDate: string;
}

/** Amounts are canonical (the currency's minor-unit decimals). */
export type ProcurementPackagePlanned = Event<
  'ProcurementPackagePlanned',
  ContractFact & { title: string; method: ProcurementMethod; estimatedValue: Money; plannedAwardDate: string; source?: Source }
>;
export type ContractAwarded = Event<
  'ContractAwarded',
  ContractFact & { contractor: OrganisationReference; contractValue: Money; awardDate: string; source?: Source }
>;
/** `amountDelta` is signed; `contractValue` is the value after the variation. */
export type ContractVariationApproved = Event<
  'ContractVariationApproved',
  ContractFact & { variationId: string; amountDelta: Money; contractValue: Money; reason: string; source?: Source }
>;
export type ContractCompleted = Event<'ContractCompleted', ContractFact & { completionDate: string; source?: Source }>;
export type ContractTerminated = Event<'ContractTerminated', ContractFact & { reason: string; source?: Source }>;

export type ContractPackageEvent = ProcurementPackagePlanned | ContractAwarded | ContractVariationApproved | ContractCompleted | ContractTerminated;
export type ContractPackageEventType = ContractPackageEvent['type'];

export const CONTRACT_PACKAGE_EVENT_SCHEMA_VERSION = {
  ProcurementPackagePlanned: 1,
  ContractAwarded: 1,
  ContractVariationApproved: 1,
  ContractCompleted: 1,
  ContractTerminated: 1,
} as const satisfies Record<ContractPackageEventType, number>;

/** docs/DOMAIN.md §3.2: contract awards go to partners; procurement plans and contract administration stay internal. */
export const CONTRACT_PACKAGE_EVENT_PUBLICATION = {
  ProcurementPackagePlanned: { event: 'package-planned', partnerFacing: false },
  ContractAwarded: { event: 'awarded', partnerFacing: true },
  ContractVariationApproved: { event: 'variation-approved', partnerFacing: false },
  ContractCompleted: { event: 'completed', partnerFacing: false },
  ContractTerminated: { event: 'terminated', partnerFacing: false },
} as const satisfies Record<ContractPackageEventType, EventPublication>;
