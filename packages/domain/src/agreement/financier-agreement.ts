import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { AgreementRuleCode } from './rule-codes.js';
import { shorthandAgreementId } from './stream.js';

/** An agreement of the project as its opening event names its financier. */
export interface FinancierAgreement {
  readonly agreementId: string;
  /** AgreementSigned: an organisation reference; AgreementOpened: the shorthand's `ref`. */
  readonly financier: { readonly organisationId?: string; readonly name?: string; readonly ref?: string };
}

/** Whether the agreement's financier is the one the shorthand names: by organisation id, shorthand ref or exact name. */
export function isFinancedBy(agreement: FinancierAgreement, financierRef: string): boolean {
  const { organisationId, name, ref } = agreement.financier;
  return organisationId === financierRef || ref === financierRef || name === financierRef;
}

/**
 * Which agreement a project-level shorthand acts on ("the project's agreement with that financier"):
 * the only agreement of the project with that financier if there is exactly one; the shorthand
 * agreement `<projectId>~<financier>` (to be opened) if there is none; and a refusal if there are
 * several, since the shorthand cannot know which one the money belongs to — the agreement's own
 * endpoints can. `agreements` are the project's agreements (signed or opened), the shorthand one
 * included when it exists or holds project-stream money of before agreements.
 */
export function chooseFinancierAgreement(projectId: string, financierRef: string, agreements: readonly FinancierAgreement[]): string {
  const candidates = [...new Set(agreements.filter((a) => isFinancedBy(a, financierRef)).map((a) => a.agreementId))].sort();
  if (candidates.length === 0) return shorthandAgreementId(projectId, financierRef);
  if (candidates.length === 1) return candidates[0]!;
  throw new DomainRuleViolation<AgreementRuleCode>(
    'FINANCIER_AGREEMENT_AMBIGUOUS',
    `Project ${projectId} has ${candidates.length} agreements with ${financierRef}; record the money on one of them (POST /agreements/{agreementId}/commitments or …/funds-received)`,
    { projectId, financier: financierRef, agreementIds: candidates },
  );
}
