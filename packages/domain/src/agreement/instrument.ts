import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementRuleCode } from './rule-codes.js';

/** One financing agreement per loan, grant, TA, counterpart line or PPP tranche. */
export const AGREEMENT_INSTRUMENTS = ['grant', 'loan', 'ta', 'counterpart', 'ppp'] as const;
export type AgreementInstrument = (typeof AGREEMENT_INSTRUMENTS)[number];

/** ADB mapping (docs/DOMAIN.md §4): loans are finance type 421, grants and TA 110, TA is aid type D02. */
const REQUIRED_CODES: Partial<Record<AgreementInstrument, { financeType?: string; aidType?: string }>> = {
  loan: { financeType: '421' },
  grant: { financeType: '110' },
  ta: { financeType: '110', aidType: 'D02' },
};

export function checkInstrument(instrument: string, financeType: string, aidType: string): AgreementInstrument {
  if (!(AGREEMENT_INSTRUMENTS as readonly string[]).includes(instrument)) {
    throw new DomainRuleViolation<AgreementRuleCode>('UNKNOWN_INSTRUMENT', `${JSON.stringify(instrument)} is not a financing instrument`, {
      instrument,
      allowed: AGREEMENT_INSTRUMENTS,
    });
  }
  const required = REQUIRED_CODES[instrument as AgreementInstrument];
  if ((required?.financeType && required.financeType !== financeType) || (required?.aidType && required.aidType !== aidType)) {
    throw new DomainRuleViolation<AgreementRuleCode>(
      'INSTRUMENT_CODES_MISMATCH',
      // Stryker disable next-line OptionalChaining: equivalent: a mismatch implies required codes, so `required` is defined here
      `A ${instrument} is finance type ${required?.financeType}${required?.aidType ? ` with aid type ${required.aidType}` : ''}`,
      { instrument, financeType, aidType },
    );
  }
  return instrument as AgreementInstrument;
}
