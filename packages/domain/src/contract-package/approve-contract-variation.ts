import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { addMoney, formatMoney, parseMoney, type Money } from '../money/money.js';
import { requireReason } from '../reasons/reason.js';
import { optionalSource } from '../sourcing/source.js';
import { checkNotBeforeAward, requireAwardedContract } from './awarded-contract.js';
import type { ApproveContractVariation } from './commands.js';
import type { ContractPackageState } from './contract-package-state.js';
import type { ContractVariationApproved } from './events.js';
import type { ContractPackageRuleCode } from './rule-codes.js';

const fail = (code: ContractPackageRuleCode, message: string, details: Record<string, string>) =>
  new DomainRuleViolation<ContractPackageRuleCode>(code, message, details);

/** A signed, non-zero change (AMOUNT_NOT_POSITIVE for zero) read with the rules for new amounts. */
function parseDelta({ amount, currency }: Money) {
  const negative = amount.startsWith('-');
  const magnitude = parseMoney({ amount: negative ? amount.slice(1) : amount, currency });
  return negative ? { ...magnitude, minorUnits: -magnitude.minorUnits } : magnitude;
}

export function decideApproveContractVariation(
  { data }: ApproveContractVariation,
  state: ContractPackageState,
  { today }: DecisionContext,
): ContractVariationApproved[] {
  const contract = requireAwardedContract(state, data.contractId);
  checkIdentifier(data.variationId, 'variationId');
  if (contract.variationIds.has(data.variationId)) {
    throw fail('DUPLICATE_VARIATION_ID', `Variation ${data.variationId} is already approved`, { variationId: data.variationId });
  }
  const delta = parseDelta(data.amountDelta);
  if (delta.currency !== contract.contractValue.currency) {
    throw fail('VARIATION_CURRENCY_MISMATCH', `The contract is in ${contract.contractValue.currency}; a variation cannot be in ${delta.currency}`, {
      contractCurrency: contract.contractValue.currency,
      currency: delta.currency,
    });
  }
  const after = addMoney(contract.contractValue, delta);
  if (after.minorUnits < 0n) {
    throw fail('CONTRACT_VALUE_BELOW_ZERO', `This variation would take the contract value to ${formatMoney(after).amount} ${after.currency}`, {
      contractValue: formatMoney(contract.contractValue).amount,
      amountDelta: formatMoney(delta).amount,
      currency: after.currency,
    });
  }
  const reason = requireReason(data.reason);
  const effectiveDate = checkNotBeforeAward(contract, resolveEffectiveDate(data.effectiveDate, today), 'effectiveDate');
  return [
    {
      type: 'ContractVariationApproved',
      data: {
        contractId: contract.contractId,
        projectId: contract.projectId,
        effectiveDate,
        variationId: data.variationId,
        amountDelta: formatMoney(delta),
        contractValue: formatMoney(after),
        reason,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `ApproveContractVariation`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const approveContractVariationUseCase = useCase('ApproveContractVariation', decideApproveContractVariation);
