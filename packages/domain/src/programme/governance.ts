/** KZ–KG Intergovernmental Council, the ABEC Subcommittee under it, and joint working groups (docs/DOMAIN.md §1). */
export const GOVERNANCE_BODIES = ['igc', 'subcommittee', 'working-group'] as const;
export type GovernanceBody = (typeof GOVERNANCE_BODIES)[number];

export const DECISION_KINDS = ['protocol', 'roadmap', 'memorandum', 'other'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface GovernanceDecision {
  readonly decisionId: string;
  readonly text: string;
  readonly kind: DecisionKind;
}
