import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkCalendarDate, resolveEffectiveDate } from '../dates/world-dates.js';
import { requireReason } from '../reasons/reason.js';
import { optionalSource } from '../sourcing/source.js';
import type { AgreementState } from './agreement-state.js';
import type { ExtendClosingDate } from './commands.js';
import type { ClosingDateExtended } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireSignedAgreement } from './signed-agreement.js';

export function decideExtendClosingDate({ data }: ExtendClosingDate, state: AgreementState, { today }: DecisionContext): ClosingDateExtended[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  const closingDate = checkCalendarDate(data.closingDate, 'closingDate');
  const previous = agreement.closingDate ?? agreement.signedDate;
  if (compareIsoDates(closingDate, previous) <= 0) {
    throw new DomainRuleViolation<AgreementRuleCode>('CLOSING_DATE_NOT_LATER', `An extension moves the closing date after ${previous}`, {
      previous,
      closingDate,
    });
  }
  const reason = requireReason(data.reason);
  return [
    {
      type: 'ClosingDateExtended',
      data: {
        agreementId: agreement.agreementId,
        projectId: agreement.projectId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        ...(agreement.closingDate !== undefined ? { previousClosingDate: agreement.closingDate } : {}),
        closingDate,
        reason,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `ExtendClosingDate`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const extendClosingDateUseCase = useCase('ExtendClosingDate', decideExtendClosingDate);
