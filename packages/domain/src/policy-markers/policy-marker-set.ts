import { checkCode, type Coded } from '../code-lists/coded.js';
import { POLICY_MARKER, POLICY_SIGNIFICANCE } from '../code-lists/iati-code-lists.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

export interface PolicyMarkerInput {
  /** IATI PolicyMarker: 1 gender, 6 climate mitigation, 7 climate adaptation, 10 DRR. */
  readonly code: string;
  /** 0 not targeted, 1 significant, 2 principal objective. */
  readonly significance: string;
}

export interface PolicyMarker {
  readonly marker: Coded;
  readonly significance: Coded;
}

export const POLICY_MARKER_RULE_CODES = ['DUPLICATE_POLICY_MARKER'] as const;
export type PolicyMarkerRuleCode = (typeof POLICY_MARKER_RULE_CODES)[number];

/** The whole set of markers (it replaces the previous one); each marker once. An empty set clears them. */
export function checkPolicyMarkerSet(markers: readonly PolicyMarkerInput[]): PolicyMarker[] {
  const seen = new Set<string>();
  return markers.map(({ code, significance }) => {
    const marker = checkCode(POLICY_MARKER, code, 'markers.code');
    if (seen.has(code)) throw new DomainRuleViolation<PolicyMarkerRuleCode>('DUPLICATE_POLICY_MARKER', `Policy marker ${code} is listed twice`, { code });
    seen.add(code);
    return { marker, significance: checkCode(POLICY_SIGNIFICANCE, significance, 'markers.significance') };
  });
}
