import { type AppProcess, cleanUp, createTestDatabase, sleep, startApp, type TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@ecab/testing';
import pg from 'pg';
import { kafkaMessageCount } from './support/kafka-tally.js';
import { eventsAfterCheckpoint } from './support/ledger.js';
import { relayLockHolders, socketOwner } from './support/relay-lock.js';
import { cleanUpKafka, recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { Traffic } from './support/traffic.js';

const ACTIVE = 'relay is now the active publisher';

/**
 * Drill 2. Two portfolio-api instances both run the relay; one holds the advisory lock and publishes,
 * the other waits as a hot standby. To kill the active one mid-batch rather than between two tiny
 * batches, the drill first freezes it (SIGSTOP; it keeps the lock, HTTP goes to the other instance) so a
 * backlog of two relay batches (1000 events each) builds up, lets it go on (SIGCONT), and SIGKILLs it the
 * moment its checkpoint moves past the first batch (it is then reading, publishing or checkpointing the
 * second). The standby must take over; nothing is lost; copies on Kafka (what the dead relay published but
 * could not checkpoint) must have no duplicate effect.
 */
describe('drill 2: the active relay is killed (SIGKILL) mid-batch', () => {
  const prefix = uniqueTopicPrefix('drill-relay');
  const brokers = testKafkaBrokers().join(',');
  const startedAt = Date.now();
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let traffic: Traffic;
  let settled: Settled;
  let active: AppProcess | undefined;
  let standby: AppProcess | undefined;
  const notes: Record<string, unknown> = {};

  async function activeByLock(candidates: AppProcess[]): Promise<AppProcess | undefined> {
    const holders = await relayLockHolders(database!.url);
    if (holders.length !== 1) return undefined;
    const pid = socketOwner(
      holders[0]!.clientPort,
      candidates.map((a) => a.pid),
    );
    return candidates.find((a) => a.pid === pid);
  }

  async function waitUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      await sleep(100);
    }
    return undefined;
  }

  beforeAll(async () => {
    database = await createTestDatabase('drill_relay');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
    // LOG_LEVEL=info: the relay's "active publisher" line cross-checks what pg_locks says.
    const a = await startApp('portfolio-api', { ...env, LOG_LEVEL: 'info' }, 'portfolio-api#a');
    apps.push(a);
    await waitUntil(async () => (a.output().includes(ACTIVE) ? true : undefined), 20_000);
    const b = await startApp('portfolio-api', { ...env, LOG_LEVEL: 'info' }, 'portfolio-api#b');
    apps.push(b);
    apps.push(await startApp('portfolio-views', { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views` }));

    const apis = [a, b];
    const outOfRotation = new Set<AppProcess>();
    traffic = new Traffic({
      idPrefix: 'DRILL-RELAY',
      targets: () => apis.filter((api) => api.alive && !outOfRotation.has(api)).map((api) => api.url),
      projects: 24,
      workers: 4,
      pauseMs: 10,
      maxCommands: 8_000,
      maxDurationMs: 90_000,
    });
    traffic.start();
    await traffic.acknowledgedMore(400, 20_000);

    // Which instance publishes: the advisory lock's backend → its client port → the process owning that socket.
    active = await waitUntil(() => activeByLock(apis), 10_000);
    const byLog = apis.filter((api) => api.output().includes(ACTIVE));
    notes['activeByLock'] = active?.name;
    notes['activeByLog'] = byLog.map((api) => api.name);
    if (!active) throw new Error(`no single holder of the relay lock (pg_locks: ${JSON.stringify(await relayLockHolders(database.url))})`);
    standby = apis.find((api) => api !== active)!;

    traffic.phase = 'active-relay-frozen';
    outOfRotation.add(active);
    process.kill(active.pid, 'SIGSTOP');
    await traffic.acknowledgedMore(2_200, 40_000);
    notes['relayBacklogAtResume'] = await eventsAfterCheckpoint(database.url, 'relay:kafka');

    // Resume it, and SIGKILL it the moment its first backlog batch is checkpointed: it is then reading,
    // publishing or checkpointing the next one. A tight, bounded poll on a connection of its own.
    const watcher = new pg.Client({ connectionString: database.url, application_name: 'ecab-drill-watch' });
    await watcher.connect();
    const checkpoint = async () => (await watcher.query<{ p: string }>("select position::text as p from checkpoints where name = 'relay:kafka'")).rows[0]?.p;
    const before = await checkpoint();
    process.kill(active.pid, 'SIGCONT');
    const watchUntil = Date.now() + 10_000;
    let moved = false;
    while (!moved && Date.now() < watchUntil) moved = (await checkpoint()) !== before;
    traffic.phase = 'failover';
    const killedAt = Date.now();
    process.kill(active.pid, 'SIGKILL');
    notes['killedRightAfterFirstBacklogBatch'] = moved;
    notes['relayBacklogAtKill'] = await eventsAfterCheckpoint(database.url, 'relay:kafka');
    notes['onKafkaRightAfterKill'] = await kafkaMessageCount(brokers, prefix);
    notes['storedRightAfterKill'] = Number((await watcher.query<{ n: string }>('select count(*) as n from events')).rows[0]?.n);
    await watcher.end();
    await active.kill('SIGKILL');
    const tookOver = await waitUntil(async () => (standby!.output().includes(ACTIVE) ? Date.now() - killedAt : undefined), 30_000);
    notes['standbyActiveAfterMs'] = tookOver;
    notes['lockHolderAfterKill'] = (await waitUntil(() => activeByLock([standby!]), 10_000))?.name;
    notes['commandsAcceptedDuringFailover'] = await traffic.acknowledgedMore(400, 20_000);

    traffic.phase = 'after';
    await traffic.acknowledgedMore(200, 20_000);
    await traffic.stop();

    settled = await settle({ databaseUrl: database.url, brokers, topicPrefix: prefix, sent: traffic.sent, acknowledged: traffic.acknowledged });
    notes['readModelCaughtUpMsAfterTraffic'] = settled.readModelCaughtUpMs;
    recordDrill({
      drill: '2-relay-killed',
      title: 'Active relay SIGKILLed mid-batch, standby takes over',
      counts: settled.counts,
      statuses: {
        before: traffic.statusCounts('before'),
        activeRelayFrozen: traffic.statusCounts('active-relay-frozen'),
        failover: traffic.statusCounts('failover'),
        after: traffic.statusCounts('after'),
      },
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 140_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('2-relay-killed', apps), // the apps' logs of the last run, for a failing drill
      () => traffic?.stop(),
      ...apps.reverse().map((app) => () => app.stop()),
      () => database?.drop(),
      () => cleanUpKafka(brokers, prefix),
    );
  }, 60_000);

  it('finds the active relay by its advisory lock, and its log agrees', () => {
    expect(active).toBeDefined();
    expect(notes['activeByLog']).toEqual([active!.name]);
  });

  it('kills the active relay while it publishes a backlog of more than one batch', () => {
    expect(notes['relayBacklogAtResume']).toBeGreaterThan(1_000);
    expect(notes['killedRightAfterFirstBacklogBatch']).toBe(true);
    expect(notes['relayBacklogAtKill']).toBeGreaterThan(0);
  });

  it('lets the standby take over the lock and publish', () => {
    expect(notes['standbyActiveAfterMs']).toBeDefined();
    expect(notes['lockHolderAfterKill']).toBe(standby!.name);
  });

  it('keeps accepting commands on the surviving instance', () => {
    expect(notes['commandsAcceptedDuringFailover']).toBe(true);
    expect(traffic.statusCounts('after')).toEqual({ '201': expect.any(Number) });
  });

  it('loses nothing: every acknowledged command stored, every stored event on Kafka and applied', () => {
    expect(settled.counts.lostDetail).toEqual({ notStored: 0, notOnKafka: 0, notApplied: 0 });
    expect(settled.counts.onKafkaUnique).toBe(settled.counts.stored);
    expect(settled.counts.applied).toBe(settled.counts.stored);
  });

  it('gives copies on Kafka, if any, no duplicate effect', () => {
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.mismatches).toEqual([]);
  });
});
