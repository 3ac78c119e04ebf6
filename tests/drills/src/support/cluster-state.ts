import { AssignerProtocol, ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';

/**
 * What a Kafka cluster says about the drill's topics and consumer group, read with kafkajs' admin client:
 * partition leaders and replicas, the topics' min.insync.replicas, how the group's partitions are spread over
 * its members, and the group's lag.
 */
async function withAdmin<T>(brokers: string, work: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({ clientId: 'ecab-drill-cluster-state', brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface Replication {
  partitions: number;
  /** Partitions per replica count, e.g. { "3": 21 }. */
  byReplicaCount: Record<string, number>;
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicated: number;
  /** Partitions led by each node id. */
  leadersByNode: Record<string, number>;
  /** Each topic's min.insync.replicas. */
  minInsyncReplicas: Record<string, string>;
}

export async function replication(brokers: string, topics: readonly string[]): Promise<Replication> {
  return withAdmin(brokers, async (admin) => {
    const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
    const result: Replication = { partitions: 0, byReplicaCount: {}, underReplicated: 0, leadersByNode: {}, minInsyncReplicas: {} };
    for (const topic of metadata.topics) {
      for (const p of topic.partitions) {
        result.partitions += 1;
        result.byReplicaCount[p.replicas.length] = (result.byReplicaCount[p.replicas.length] ?? 0) + 1;
        if (p.isr.length < p.replicas.length) result.underReplicated += 1;
        result.leadersByNode[p.leader] = (result.leadersByNode[p.leader] ?? 0) + 1;
      }
    }
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['min.insync.replicas'] })),
    });
    for (const resource of configs.resources) {
      result.minInsyncReplicas[resource.resourceName] = resource.configEntries.find((c) => c.configName === 'min.insync.replicas')?.configValue ?? '?';
    }
    return result;
  });
}

/** The node leading the most of these partitions (the lowest id on a tie), and the cluster's active controller. */
export async function busiestLeader(brokers: string, topics: readonly string[]): Promise<{ node: number; leads: number; controller: number | null }> {
  const { leadersByNode } = await replication(brokers, topics);
  const [node, leads] = Object.entries(leadersByNode)
    .map(([id, n]) => [Number(id), n] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const { controller } = await withAdmin(brokers, (admin) => admin.describeCluster());
  return { node, leads, controller };
}

export interface GroupSpread {
  state: string;
  /** Partitions assigned to each member, most first. */
  partitionsPerMember: number[];
}

export async function groupSpread(brokers: string, groupId: string): Promise<GroupSpread> {
  return withAdmin(brokers, async (admin) => {
    const group = (await admin.describeGroups([groupId])).groups[0];
    const partitionsPerMember = (group?.members ?? []).map((member) => {
      const decoded = member.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment) : null;
      return Object.values(decoded?.assignment ?? {}).reduce((sum, partitions) => sum + partitions.length, 0);
    });
    return { state: group?.state ?? 'Unknown', partitionsPerMember: partitionsPerMember.sort((a, b) => b - a) };
  });
}

/** Messages on the topics beyond the group's committed offsets (a partition without a commit counts from its start). */
export async function consumerLag(brokers: string, groupId: string, topics: readonly string[]): Promise<number> {
  return withAdmin(brokers, async (admin) => {
    const committed = new Map<string, bigint>();
    for (const topic of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
      for (const p of topic.partitions) committed.set(`${topic.topic}/${p.partition}`, BigInt(p.offset));
    }
    let lag = 0n;
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const at = committed.get(`${topic}/${p.partition}`) ?? -1n;
        lag += BigInt(p.high) - (at < 0n ? BigInt(p.low) : at);
      }
    }
    return Number(lag);
  });
}
