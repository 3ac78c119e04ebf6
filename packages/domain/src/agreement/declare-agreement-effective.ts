import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { compareIsoDates } from '../dates/iso-date.js';
import { checkActualDate } from '../dates/world-dates.js';
import { optionalSource } from '../sourcing/source.js';
import type { AgreementState } from './agreement-state.js';
import type { DeclareAgreementEffective } from './commands.js';
import type { AgreementDeclaredEffective } from './events.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { requireSignedAgreement } from './signed-agreement.js';

/** Effectiveness (≈ IATI actual start): from then on the commitment counts in ratios and money may flow. */
export function decideDeclareAgreementEffective(
  { data }: DeclareAgreementEffective,
  state: AgreementState,
  { today }: DecisionContext,
): AgreementDeclaredEffective[] {
  const agreement = requireSignedAgreement(state, data.agreementId);
  if (agreement.effectivenessDate !== undefined) {
    throw new DomainRuleViolation<AgreementRuleCode>(
      'AGREEMENT_ALREADY_EFFECTIVE',
      `Agreement ${data.agreementId} has been effective since ${agreement.effectivenessDate}`,
      {
        effectivenessDate: agreement.effectivenessDate,
      },
    );
  }
  const effectivenessDate = checkActualDate(data.effectivenessDate, 'effectivenessDate', today);
  if (compareIsoDates(effectivenessDate, agreement.signedDate) < 0) {
    throw new DomainRuleViolation<AgreementRuleCode>('EFFECTIVENESS_BEFORE_SIGNING', 'An agreement cannot be effective before it is signed', {
      signedDate: agreement.signedDate,
      effectivenessDate,
    });
  }
  return [
    {
      type: 'AgreementDeclaredEffective',
      data: {
        agreementId: agreement.agreementId,
        projectId: agreement.projectId,
        effectiveDate: effectivenessDate,
        effectivenessDate,
        ...optionalSource(data.source, today),
      },
    },
  ];
}

/** `DeclareAgreementEffective`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const declareAgreementEffectiveUseCase = useCase('DeclareAgreementEffective', decideDeclareAgreementEffective);
