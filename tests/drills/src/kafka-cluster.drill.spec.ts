import { type AppProcess, cleanUp, createTestDatabase, startApp, type TestDatabase, uniqueTopicPrefix, waitFor } from '@ecab/testing';
import { differencesFromAcknowledged, storedWithoutAnswer } from './support/acknowledged.js';
import { busiestLeader, consumerLag, groupSpread, replication, type GroupSpread, type Replication } from './support/cluster-state.js';
import { eventTopics } from './support/kafka-tally.js';
import { createOwnKafkaCluster, type OwnKafkaCluster } from './support/own-kafka-cluster.js';
import { relayLockOwner, storedAfterRelayCheckpoint } from './support/relay-lock.js';
import { recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { Traffic } from './support/traffic.js';

/**
 * Drill 8. The platform on a three-node Kafka cluster (infra/kafka/cluster.sh: every node broker and
 * controller, replication factor 3, min.insync.replicas=2), run by the drill on ports of its own: two
 * portfolio-api (one relay active by its advisory lock, one standby) and three portfolio-views in one consumer
 * group. Under command traffic: the node leading the most event partitions is SIGKILLed, then one
 * portfolio-views, then the portfolio-api whose relay is active; the node and the views instance come back.
 * Every command answered 201 must be stored once, on Kafka (read back) at least once and more than once only
 * where the killed relay had published past its checkpoint, applied once (the money is what the clients were
 * answered 201 for), and the group's lag back to zero.
 */
describe('drill 8: a three-node Kafka cluster loses a broker, a views instance and the active relay under load', () => {
  const prefix = uniqueTopicPrefix('drill-cluster');
  const group = `${prefix}views`;
  const topics = eventTopics(prefix);
  const startedAt = Date.now();
  let cluster: OwnKafkaCluster | undefined;
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let traffic: Traffic;
  let settled: Settled;
  let replicationAtStart: Replication;
  let replicationAtEnd: Replication;
  let spreadAtStart: GroupSpread;
  let spreadAtEnd: GroupSpread;
  let mayBeCopied = new Set<string>();
  let lagAtEnd: number | undefined;
  const notes: Record<string, unknown> = {};
  const timeline: Record<string, number> = {}; // seconds since the drill started, when each phase began
  const enter = (phase: string) => {
    traffic.phase = phase;
    timeline[phase] = Math.round((Date.now() - startedAt) / 100) / 10;
  };

  beforeAll(async () => {
    cluster = await createOwnKafkaCluster();
    await cluster.start();
    notes['clusterUpAfterMs'] = Date.now() - startedAt;
    database = await createTestDatabase('drill_cluster');
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: cluster.brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: '3',
      KAFKA_REPLICATION_FACTOR: '3',
    };
    const viewsEnv = { ...env, VIEWS_CONSUMER_GROUP: group };
    // The first portfolio-api creates the topics (and takes the relay lock); the others start together.
    const apis = [await startApp('portfolio-api', env, 'portfolio-api#a')];
    apps.push(apis[0]!);
    const others = await Promise.all([
      startApp('portfolio-api', env, 'portfolio-api#b'),
      ...[1, 2, 3].map((n) => startApp('portfolio-views', viewsEnv, `portfolio-views#${n}`)),
    ]);
    apis.push(others[0]);
    const views = others.slice(1);
    apps.push(...others);
    notes['platformUpAfterMs'] = Date.now() - startedAt;
    replicationAtStart = await replication(cluster.brokers, topics);
    // The group settles after the third member joined: every member with partitions of its own.
    spreadAtStart = await waitFor(
      async () => {
        const spread = await groupSpread(cluster!.brokers, group);
        return spread.state === 'Stable' && spread.partitionsPerMember.length === 3 && spread.partitionsPerMember.every((n) => n > 0) ? spread : undefined;
      },
      { description: 'three views instances sharing the partitions', timeoutMs: 30_000, intervalMs: 500 },
    ).catch(() => groupSpread(cluster!.brokers, group));

    const outOfRotation = new Set<AppProcess>();
    traffic = new Traffic({
      idPrefix: 'DRILL-CLUSTER',
      targets: () => apis.filter((api) => api.alive && !outOfRotation.has(api)).map((api) => api.url),
      projects: 24,
      workers: 4,
      pauseMs: 10,
      maxCommands: 10_000,
      maxDurationMs: 150_000,
    });
    enter('before');
    traffic.start();
    await traffic.acknowledgedMore(200, 30_000);

    // 1. The node leading the most event partitions crashes.
    const victim = await busiestLeader(cluster.brokers, topics);
    notes['killedNode'] = victim.node;
    notes['killedNodeLedPartitions'] = victim.leads;
    notes['killedNodeWasActiveController'] = victim.controller === victim.node;
    enter('broker-down');
    const brokerKilledAt = Date.now();
    await cluster.kill(victim.node);
    notes['commandsAcceptedBrokerDown'] = await traffic.acknowledgedMore(200, 30_000);

    // 2. One portfolio-views crashes: its partitions wait for its session to expire, then go to the other two.
    enter('views-down');
    const viewsKilledAt = Date.now();
    await views[1]!.kill('SIGKILL');
    notes['commandsAcceptedViewsDown'] = await traffic.acknowledgedMore(200, 30_000);

    // 3. The portfolio-api whose relay publishes crashes (out of the rotation first); the standby takes the lock.
    const active = await waitFor(() => relayLockOwner(database!.url, apis), { description: 'one relay lock holder', timeoutMs: 10_000, intervalMs: 100 });
    const standby = apis.find((api) => api !== active)!;
    notes['activeRelay'] = active.name;
    enter('relay-failover');
    outOfRotation.add(active);
    await active.kill('SIGKILL');
    const relayKilledAt = Date.now();
    // Read before anyone can move the checkpoint: what the dead relay may have published without recording it.
    mayBeCopied = await storedAfterRelayCheckpoint(database.url);
    notes['relayBacklogAtKill'] = mayBeCopied.size;
    const takeover = await waitFor(() => relayLockOwner(database!.url, [standby]), {
      description: 'the standby holding the relay lock',
      timeoutMs: 30_000,
      intervalMs: 100,
    })
      .then((holder) => ({ holder: holder.name, afterMs: Date.now() - relayKilledAt }))
      .catch(() => undefined);
    notes['relayLockHolderAfterKill'] = takeover?.holder;
    notes['standbyHeldLockAfterMs'] = takeover?.afterMs;

    // 4. Both come back (while the standby publishes): the node on its data, a new views instance in the same group.
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const at = Date.now();
      return [await work(), Date.now() - at];
    };
    const comingBack = Promise.all([timed(() => cluster!.restart(victim.node)), timed(() => startApp('portfolio-views', viewsEnv, 'portfolio-views#2b'))]);
    comingBack.catch(() => undefined); // awaited below; a failure fails the drill there
    notes['commandsAcceptedRelayFailover'] = await traffic.acknowledgedMore(200, 30_000);
    enter('recovering');
    const [[, brokerRestartMs], [restartedViews, viewsRestartMs]] = await comingBack;
    apps.push(restartedViews);
    notes['brokerRestartMs'] = brokerRestartMs;
    notes['viewsRestartMs'] = viewsRestartMs;
    notes['brokerDownMs'] = Date.now() - brokerKilledAt;
    notes['viewsDownMs'] = Date.now() - viewsKilledAt;
    const backAt = Date.now();
    notes['isrFullAfterRestartMs'] = await waitFor(
      async () => ((await replication(cluster!.brokers, topics)).underReplicated === 0 ? Date.now() - backAt : undefined),
      {
        description: 'every partition fully in sync',
        timeoutMs: 60_000,
        intervalMs: 500,
      },
    ).catch(() => undefined);

    enter('after');
    notes['commandsAcceptedAfter'] = await traffic.acknowledgedMore(200, 30_000);
    await traffic.stop();

    settled = await settle({
      databaseUrl: database.url,
      brokers: cluster.brokers,
      topicPrefix: prefix,
      sent: traffic.sent,
      acknowledged: traffic.acknowledged,
    });
    notes['readModelCaughtUpMsAfterTraffic'] = settled.readModelCaughtUpMs;
    lagAtEnd = await waitFor(async () => ((await consumerLag(cluster!.brokers, group, topics)) === 0 ? 0 : undefined), {
      description: 'the views group committed every offset',
      timeoutMs: 30_000,
      intervalMs: 500,
    }).catch(() => consumerLag(cluster!.brokers, group, topics));
    replicationAtEnd = await replication(cluster.brokers, topics);
    spreadAtEnd = await groupSpread(cluster.brokers, group);
    const copied = [...settled.kafka.copies].filter(([, n]) => n > 1).map(([key]) => key);
    notes['copiesOnKafka'] = copied.length;
    notes['copiesOutsideKilledRelayBacklog'] = copied.filter((key) => !mayBeCopied.has(key));
    // The relay sends a batch again when Kafka refused it or answered without some of its partitions (logged).
    const relayLog = apis.map((api) => api.output()).join('\n');
    notes['relayBatchesSentAgain'] = relayLog.split('relay could not publish; retrying').length - 1;
    notes['relayAnswersLackingPartitions'] = relayLog.split("Kafka's answer does not name").length - 1;
    notes['partitionsPerViewsInstance'] = { start: spreadAtStart.partitionsPerMember, end: spreadAtEnd.partitionsPerMember };
    notes['replicas'] = { start: replicationAtStart.byReplicaCount, minInsyncReplicas: [...new Set(Object.values(replicationAtStart.minInsyncReplicas))] };
    notes['underReplicatedAtEnd'] = replicationAtEnd.underReplicated;
    notes['consumerLagAtEnd'] = lagAtEnd;
    const unanswered = storedWithoutAnswer(settled.stored, traffic.acknowledged);
    notes['storedWithout201ByType'] = Object.fromEntries(
      [...new Set(unanswered.map((e) => e.type))].map((t) => [t, unanswered.filter((e) => e.type === t).length]),
    );
    notes['differencesFromAcknowledged'] = differencesFromAcknowledged(
      traffic.acknowledged,
      settled.view,
      storedWithoutAnswer(settled.stored, traffic.acknowledged),
    );
    notes['phasesStartedAtS'] = timeline;
    recordDrill({
      drill: '8-kafka-cluster',
      title: 'Three-node Kafka cluster: a broker, a views instance and the active relay SIGKILLed under load',
      counts: settled.counts,
      statuses: Object.fromEntries(
        ['before', 'broker-down', 'views-down', 'relay-failover', 'recovering', 'after'].map((phase) => [phase, traffic.statusCounts(phase)]),
      ),
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 270_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('8-kafka-cluster', apps), // the apps' logs of the last run, for a failing drill
      () => traffic?.stop(),
      () => Promise.all(apps.map((app) => app.stop())),
      () => cluster?.destroy(), // its topics and groups go with its data dirs
      () => database?.drop(),
    );
  }, 60_000);

  it('runs the platform on three replicas of every event partition, min.insync.replicas=2, spread over three views instances', () => {
    expect(replicationAtStart.partitions).toBe(topics.length * 3);
    expect(replicationAtStart.byReplicaCount).toEqual({ '3': topics.length * 3 });
    expect(new Set(Object.values(replicationAtStart.minInsyncReplicas))).toEqual(new Set(['2']));
    expect(spreadAtStart.partitionsPerMember).toHaveLength(3);
    expect(spreadAtStart.partitionsPerMember.every((n) => n > 0)).toBe(true);
    expect(spreadAtStart.partitionsPerMember.reduce((a, b) => a + b, 0)).toBe(topics.length * 3);
  });

  it('accepts commands through every fault: 201 only, but for the answers lost with the killed portfolio-api', () => {
    for (const key of ['commandsAcceptedBrokerDown', 'commandsAcceptedViewsDown', 'commandsAcceptedRelayFailover', 'commandsAcceptedAfter'])
      expect([key, notes[key]]).toEqual([key, true]);
    for (const phase of ['before', 'broker-down', 'views-down', 'recovering', 'after'])
      expect([phase, Object.keys(traffic.statusCounts(phase))]).toEqual([phase, ['201']]);
    const lost = Object.entries(traffic.statusCounts('relay-failover')).filter(([status]) => status !== '201');
    expect(lost.every(([status]) => status.startsWith('network:'))).toBe(true);
    expect(lost.reduce((sum, [, n]) => sum + n, 0)).toBeLessThanOrEqual(4); // at most one in flight per writer
  });

  it('lets the standby take over the relay lock when the active portfolio-api is killed', () => {
    expect(notes['relayLockHolderAfterKill']).toBe('portfolio-api#b' === notes['activeRelay'] ? 'portfolio-api#a' : 'portfolio-api#b');
  });

  it('stores every acknowledged command; without an answer only what died with the killed portfolio-api and the agreements first commitments open', () => {
    expect(settled.counts.lostDetail.notStored).toBe(0);
    const unanswered = storedWithoutAnswer(settled.stored, traffic.acknowledged);
    // A project's first commitment opens its agreement with the financier (AgreementOpened, stored with it, answered with the commitment's version).
    const projectsWithCommitment = new Set(traffic.acknowledged.filter((a) => a.kind === 'commitment').map((a) => a.projectId));
    expect(unanswered.filter((e) => e.type === 'AgreementOpened').length).toBe(projectsWithCommitment.size);
    const lostAnswers = Object.entries(traffic.statusCounts('relay-failover'))
      .filter(([status]) => status.startsWith('network:'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(unanswered.filter((e) => e.type !== 'AgreementOpened').length).toBeLessThanOrEqual(lostAnswers);
  });

  it('puts every stored event on Kafka, more than once only where a batch was sent again (the killed relay, or a relay retry)', () => {
    expect(settled.counts.lostDetail.notOnKafka).toBe(0);
    expect(settled.counts.onKafkaUnique).toBe(settled.counts.stored);
    // Other copies only where the relay sent a batch again (Kafka refused it or answered without some partitions).
    const unexplained = (notes['copiesOutsideKilledRelayBacklog'] as string[]).length > 0 && notes['relayBatchesSentAgain'] === 0;
    expect(unexplained).toBe(false);
  });

  it('applies every event once: versions and money match the store and what the clients were answered 201 for', () => {
    expect(settled.readModelCaughtUpMs).toBeDefined();
    expect(settled.counts.applied).toBe(settled.counts.stored);
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.mismatches).toEqual([]);
    expect(traffic.acknowledged.filter((a) => a.kind !== 'register').length).toBeGreaterThan(1_000);
    expect(notes['differencesFromAcknowledged']).toEqual([]);
  });

  it('ends with the node back in sync, the group of three again and its lag at zero', () => {
    expect(replicationAtEnd.underReplicated).toBe(0);
    expect(spreadAtEnd.partitionsPerMember).toHaveLength(3);
    expect(lagAtEnd).toBe(0);
  });
});
