/** The clusters of ECAB; each has its own Kafka topic. Mirrors the domain's cluster list. */
export const CLUSTER_NAMES = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'] as const;
export type ClusterName = (typeof CLUSTER_NAMES)[number];

export const PROGRAMME_TOPIC = 'ecab.portfolio.programme.v1';
export const DEAD_LETTER_TOPIC = 'ecab.portfolio.dlq.v1';

export function clusterTopic(cluster: ClusterName): string {
  return `ecab.portfolio.${cluster}.v1`;
}

export function isClusterName(value: unknown): value is ClusterName {
  return typeof value === 'string' && (CLUSTER_NAMES as readonly string[]).includes(value);
}

/** Where an event goes: its project's cluster topic, or the programme topic for programme-wide events. */
export function topicFor(cluster: string | undefined): string {
  return isClusterName(cluster) ? clusterTopic(cluster) : PROGRAMME_TOPIC;
}

/** Every topic the platform reads or writes; created at start, never auto-created. */
export const EVENT_TOPICS: readonly string[] = [...CLUSTER_NAMES.map(clusterTopic), PROGRAMME_TOPIC];
export const ALL_TOPICS: readonly string[] = [...EVENT_TOPICS, DEAD_LETTER_TOPIC];

/**
 * A partner's own topic for one cluster (or the programme scope): the integration events of that cluster the
 * partner is entitled to (countries, types, audiences, illustrative setting), which a shared topic per cluster
 * could not enforce: Kafka's ACLs stop at the topic. Only that partner's principal may read it.
 */
export function partnerTopic(organisationId: string, scope: string): string {
  return `ecab.partner.${organisationId}.${scope}.v1`;
}
