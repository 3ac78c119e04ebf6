import { checkCode } from '../code-lists/coded.js';
import { AID_TYPE, FINANCE_TYPE, FLOW_TYPE } from '../code-lists/iati-code-lists.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkActualDate, checkCalendarDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import { checkOrganisationReference } from '../organisation-reference/organisation-reference.js';
import { optionalSource } from '../sourcing/source.js';
import type { AgreementState } from './agreement-state.js';
import type { SignAgreement } from './commands.js';
import type { AgreementSigned } from './events.js';
import { checkInstrument } from './instrument.js';
import { checkSignedAgreementId } from './stream.js';
import type { AgreementRuleCode } from './rule-codes.js';

export function decideSignAgreement({ data }: SignAgreement, state: AgreementState, { today }: DecisionContext): AgreementSigned[] {
  if (state.exists) {
    throw new DomainRuleViolation<AgreementRuleCode>('AGREEMENT_ALREADY_SIGNED', `Agreement ${data.agreementId} is already signed`, {
      agreementId: data.agreementId,
    });
  }
  checkIdentifier(data.agreementId, 'agreementId');
  checkSignedAgreementId(data.agreementId);
  checkIdentifier(data.projectId, 'projectId');
  checkIdentifier(data.agreementNumber, 'agreementNumber');
  const financier = checkOrganisationReference(data.financier, 'financier');
  const financeType = checkCode(FINANCE_TYPE, data.financeType, 'financeType');
  const flowType = checkCode(FLOW_TYPE, data.flowType, 'flowType');
  const aidType = checkCode(AID_TYPE, data.aidType, 'aidType');
  const instrument = checkInstrument(data.instrument, financeType.code, aidType.code);
  const money = parseMoney({ amount: data.amount, currency: data.currency });
  const signedDate = checkActualDate(data.signedDate, 'signedDate', today);
  if (data.closingDate !== undefined && compareIsoDates(checkCalendarDate(data.closingDate, 'closingDate'), signedDate) <= 0) {
    throw new DomainRuleViolation<AgreementRuleCode>('CLOSING_DATE_NOT_AFTER_SIGNING', 'The closing date must be after the signing date', {
      signedDate,
      closingDate: data.closingDate,
    });
  }
  if (data.providerActivityId !== undefined) checkIdentifier(data.providerActivityId, 'providerActivityId');
  return [
    {
      type: 'AgreementSigned',
      data: {
        agreementId: data.agreementId,
        projectId: data.projectId,
        effectiveDate: signedDate,
        agreementNumber: data.agreementNumber,
        financier,
        instrument,
        financeType,
        flowType,
        aidType,
        amount: formatAmount(money),
        currency: money.currency,
        signedDate,
        ...(data.closingDate !== undefined ? { closingDate: data.closingDate } : {}),
        ...(data.providerActivityId !== undefined ? { providerActivityId: data.providerActivityId } : {}),
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `SignAgreement`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const signAgreementUseCase = useCase('SignAgreement', decideSignAgreement);
