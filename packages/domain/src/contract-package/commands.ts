import type { Command } from '../decider/decider.js';
import type { EffectiveDated } from '../dates/world-dates.js';
import type { Money } from '../money/money.js';
import type { OrganisationReference } from '../organisation-reference/organisation-reference.js';
import type { Source } from '../sourcing/source.js';

export type PlanProcurementPackage = Command<
  'PlanProcurementPackage',
  {
    contractId: string;
    projectId: string;
    title: string;
    /** ICB, NCB, QCBS, QBS, CQS, ICS, shopping or direct. */
    method: string;
    estimatedValue: Money;
    plannedAwardDate: string;
    source?: Source;
  } & EffectiveDated
>;
export type AwardContract = Command<
  'AwardContract',
  { contractId: string; contractor: OrganisationReference; contractValue: Money; awardDate: string; source?: Source }
>;
/** `amountDelta.amount` is signed: "-150000" reduces the contract value. */
export type ApproveContractVariation = Command<
  'ApproveContractVariation',
  { contractId: string; variationId: string; amountDelta: Money; reason: string; source?: Source } & EffectiveDated
>;
export type CompleteContract = Command<'CompleteContract', { contractId: string; completionDate: string; source?: Source }>;
export type TerminateContract = Command<'TerminateContract', { contractId: string; reason: string; source?: Source } & EffectiveDated>;

export type ContractPackageCommand = PlanProcurementPackage | AwardContract | ApproveContractVariation | CompleteContract | TerminateContract;
