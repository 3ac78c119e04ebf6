import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkPeriodAtMostOneYear } from '../dates/date-period.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import type { AgreementState } from './agreement-state.js';
import type { SchedulePlannedDisbursement } from './commands.js';
import type { PlannedDisbursementScheduled } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** A forecast (IATI planned-disbursement): future periods are the point; each at most one year long. */
export function decideSchedulePlannedDisbursement(
  { data }: SchedulePlannedDisbursement,
  state: AgreementState,
  { today }: DecisionContext,
): PlannedDisbursementScheduled[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  checkIdentifier(data.plannedDisbursementId, 'plannedDisbursementId');
  if (agreement.plannedDisbursementIds.has(data.plannedDisbursementId)) {
    throw new DomainRuleViolation<AgreementRuleCode>('DUPLICATE_PLANNED_DISBURSEMENT_ID', `Planned disbursement ${data.plannedDisbursementId} already exists`, {
      plannedDisbursementId: data.plannedDisbursementId,
    });
  }
  const period = checkPeriodAtMostOneYear(data.period, 'period');
  const money = parseMoney({ amount: data.amount, currency: data.currency });
  return [
    {
      type: 'PlannedDisbursementScheduled',
      data: {
        agreementId: agreement.agreementId,
        projectId: agreement.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        plannedDisbursementId: data.plannedDisbursementId,
        period,
        amount: formatAmount(money),
        currency: money.currency,
      },
    },
  ];
}

/** `SchedulePlannedDisbursement`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const schedulePlannedDisbursementUseCase = useCase('SchedulePlannedDisbursement', decideSchedulePlannedDisbursement);
