import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementState, SignedAgreement } from './agreement-state.js';
import type { AgreementRuleCode } from './rule-codes.js';

export function requireSignedAgreement(state: AgreementState, agreementId: string): SignedAgreement {
  if (!state.exists) {
    throw new DomainRuleViolation<AgreementRuleCode>('AGREEMENT_NOT_FOUND', `Agreement ${agreementId} has not been signed`, { agreementId });
  }
  return state;
}

export function requireEffectiveAgreement(state: AgreementState, agreementId: string): SignedAgreement {
  const agreement = requireSignedAgreement(state, agreementId);
  if (agreement.effectivenessDate === undefined) {
    throw new DomainRuleViolation<AgreementRuleCode>(
      'AGREEMENT_NOT_EFFECTIVE',
      `Agreement ${agreementId} is not yet effective; nothing can be disbursed under it`,
      {
        agreementId,
      },
    );
  }
  return agreement;
}
