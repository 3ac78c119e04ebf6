import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

/** ECAB's thematic clusters; each project belongs to exactly one. */
export const CLUSTERS = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'] as const;
export type Cluster = (typeof CLUSTERS)[number];

export const CLUSTER_RULE_CODES = ['UNKNOWN_CLUSTER'] as const;
export type ClusterRuleCode = (typeof CLUSTER_RULE_CODES)[number];

export function isCluster(value: unknown): value is Cluster {
  return typeof value === 'string' && (CLUSTERS as readonly string[]).includes(value);
}

export function checkCluster(value: string): Cluster {
  if (!isCluster(value)) {
    throw new DomainRuleViolation<ClusterRuleCode>('UNKNOWN_CLUSTER', `${JSON.stringify(value)} is not an ECAB cluster`, {
      cluster: value,
      allowed: CLUSTERS,
    });
  }
  return value;
}
