import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatMoney, parseMoney } from '../money/money.js';
import { optionalSource } from '../sourcing/source.js';
import type { PlanProcurementPackage } from './commands.js';
import type { ContractPackageState } from './contract-package-state.js';
import type { ProcurementPackagePlanned } from './events.js';
import { checkProcurementMethod } from './procurement-method.js';
import type { ContractPackageRuleCode } from './rule-codes.js';

export function decidePlanProcurementPackage(
  { data }: PlanProcurementPackage,
  state: ContractPackageState,
  { today }: DecisionContext,
): ProcurementPackagePlanned[] {
  if (state.exists) {
    throw new DomainRuleViolation<ContractPackageRuleCode>('CONTRACT_PACKAGE_ALREADY_PLANNED', `Procurement package ${data.contractId} is already planned`, {
      contractId: data.contractId,
    });
  }
  checkIdentifier(data.contractId, 'contractId');
  checkIdentifier(data.projectId, 'projectId');
  const title = data.title.trim();
  if (title === '')
    throw new DomainRuleViolation<ContractPackageRuleCode>('CONTRACT_TITLE_REQUIRED', 'A procurement package needs a title', { contractId: data.contractId });
  return [
    {
      type: 'ProcurementPackagePlanned',
      data: {
        contractId: data.contractId,
        projectId: data.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        title,
        method: checkProcurementMethod(data.method),
        estimatedValue: formatMoney(parseMoney(data.estimatedValue)),
        plannedAwardDate: checkCalendarDate(data.plannedAwardDate, 'plannedAwardDate'),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `PlanProcurementPackage`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const planProcurementPackageUseCase = useCase('PlanProcurementPackage', decidePlanProcurementPackage);
