import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementRuleCode } from './rule-codes.js';

/** The event-store stream that holds one financing agreement's events. */
export function agreementStreamId(agreementId: string): string {
  return `agreement-${agreementId}`;
}

/**
 * The separator of a shorthand agreement id. No id a client chooses may contain it (the API's id
 * fields refuse it, `SignAgreement` too), so `<projectId>~<financierRef>` names exactly one project and
 * one financier and never collides with a signed agreement's id.
 */
export const SHORTHAND_SEPARATOR = '~';

/** The agreement the project-level shorthand opens for money of `financierRef` to `projectId`. */
export function shorthandAgreementId(projectId: string, financierRef: string): string {
  return `${projectId}${SHORTHAND_SEPARATOR}${financierRef}`;
}

/** The project and financier of a shorthand agreement id; undefined for any other agreement id. */
export function parseShorthandAgreementId(agreementId: string): { projectId: string; financierRef: string } | undefined {
  const at = agreementId.indexOf(SHORTHAND_SEPARATOR);
  if (at <= 0 || at === agreementId.length - 1 || agreementId.indexOf(SHORTHAND_SEPARATOR, at + 1) !== -1) return undefined;
  return { projectId: agreementId.slice(0, at), financierRef: agreementId.slice(at + 1) };
}

/** A signed agreement's id may not look like a shorthand one: `~` is reserved. */
export function checkSignedAgreementId(agreementId: string): void {
  if (agreementId.includes(SHORTHAND_SEPARATOR)) {
    throw new DomainRuleViolation<AgreementRuleCode>(
      'AGREEMENT_ID_RESERVED',
      `Agreement ids containing "${SHORTHAND_SEPARATOR}" are reserved for the agreements the project-level shorthand opens`,
      {
        agreementId,
      },
    );
  }
}
