import { type AppProcess, cleanUp, createTestDatabase, startApp, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import type { KafkaTally } from './support/kafka-tally.js';
import { differencesFromRebuild, parkedCount, readStore, readView, waitForReadModel } from './support/ledger.js';
import { reconcile, type DrillCounts } from './support/reconcile.js';
import { recordDrill, saveLogs } from './support/results.js';
import { socketOwner } from './support/relay-lock.js';
import { Traffic } from './support/traffic.js';

/** Which process holds the checkpoint lock of the log consumer now: its lock session's client port → the process. */
async function checkpointLockHolders(client: pg.Client, candidates: number[]): Promise<(number | undefined)[]> {
  const { rows } = await client.query<{ client_port: number }>(
    `select a.client_port from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2 and a.application_name = 'portfolio-views:lock'
        and l.database = (select oid from pg_database where datname = current_database())`,
  );
  return rows.map((r) => socketOwner(r.client_port, candidates));
}

/**
 * Drill 7. Two portfolio-views on the PostgreSQL-log transport (no Kafka) with one consumer name, i.e. one
 * checkpoint: only one may apply the log, the other waits on the checkpoint's advisory lock. The active one
 * is SIGKILLed under load; PostgreSQL ends its sessions, the lock is free, and the standby takes over from
 * the checkpoint. Expected: one holder at every sample, a takeover, nothing lost, no effect twice, the read
 * model equal to a rebuild from the event store.
 */
describe('drill 7: the active PostgreSQL-log consumer is killed (SIGKILL), the standby takes over', () => {
  const startedAt = Date.now();
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let traffic: Traffic;
  let counts: DrillCounts;
  let caughtUpMs: number | undefined;
  let differences: string[] = [];
  const holderSamples: number[] = [];
  const notes: Record<string, unknown> = {};
  let killed: AppProcess | undefined;
  let survivor: AppProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('drill_log_failover');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: undefined, VIEWS_CONSUMER_GROUP: 'drill-log-views' };
    const api = await startApp('portfolio-api', env);
    apps.push(api);
    const first = await startApp('portfolio-views', env, 'portfolio-views#1');
    const second = await startApp('portfolio-views', env, 'portfolio-views#2');
    apps.push(first, second);
    const watcher = new pg.Client({ connectionString: database.url, application_name: 'ecab-drill-watch' });
    await watcher.connect();
    const sample = async () => {
      const holders = await checkpointLockHolders(watcher, [first.pid, second.pid]);
      holderSamples.push(holders.length);
      return holders;
    };

    traffic = new Traffic({
      idPrefix: 'DRILL-LOG',
      targets: () => [api.url],
      projects: 24,
      workers: 4,
      pauseMs: 25,
      maxCommands: 6_000,
      maxDurationMs: 90_000,
    });
    traffic.start();
    await traffic.acknowledgedMore(300, 20_000);
    const [holder] = await sample();
    killed = holder === first.pid ? first : holder === second.pid ? second : undefined;
    survivor = killed === first ? second : killed === second ? first : undefined;
    if (!killed || !survivor) throw new Error(`no views instance holds the checkpoint lock (${String(holder)})`);
    for (let i = 0; i < 5; i++) {
      await sample();
      await traffic.acknowledgedMore(20, 10_000);
    }

    traffic.phase = 'active-consumer-killed';
    const killedAt = Date.now();
    await killed.kill('SIGKILL');
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const holders = await sample();
      if (holders[0] === survivor.pid) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    notes['takeoverMs'] = Date.now() - killedAt;
    notes['survivorHoldsLock'] = (await sample())[0] === survivor.pid;
    traffic.phase = 'after';
    await traffic.acknowledgedMore(300, 20_000);
    await traffic.stop();
    await sample();
    await watcher.end();

    const stored = await readStore(database.url);
    caughtUpMs = await waitForReadModel(database.url, stored, 45_000);
    // No Kafka: the log is the event store itself, so every stored event is "on the log" once.
    const log: KafkaTally = { messages: stored.length, copies: new Map(stored.map((e) => [`${e.streamId}@${e.version}`, 1])) };
    counts = reconcile({
      sent: traffic.sent,
      acknowledged: traffic.acknowledged,
      stored,
      kafka: log,
      view: await readView(database.url),
      parked: await parkedCount(database.url),
      deadLettered: 0,
    });
    differences = await differencesFromRebuild(database.url);
    notes['lockHolderSamples'] = holderSamples.length;
    notes['samplesWithOtherThanOneHolder'] = holderSamples.filter((n) => n !== 1).length;
    notes['readModelCaughtUpMsAfterTraffic'] = caughtUpMs;
    notes['differencesFromRebuild'] = differences.length;
    recordDrill({
      drill: '7-log-consumer-failover',
      title: 'Active PostgreSQL-log consumer SIGKILLed, the standby of the same checkpoint takes over',
      counts,
      statuses: { before: traffic.statusCounts('before'), killed: traffic.statusCounts('active-consumer-killed'), after: traffic.statusCounts('after') },
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 150_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('7-log-consumer-failover', apps),
      () => traffic?.stop(),
      ...apps.reverse().map((app) => () => app.stop()),
      () => database?.drop(),
    );
  }, 60_000);

  it('has exactly one consumer holding the checkpoint at every sample, until its process dies', () => {
    expect(holderSamples.length).toBeGreaterThan(6);
    // While the killed process's sessions are being ended there may briefly be none; never two.
    expect(Math.max(...holderSamples)).toBe(1);
    expect(holderSamples.slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('lets the standby take the checkpoint over after the kill', () => {
    expect(notes['survivorHoldsLock']).toBe(true);
  });

  it('applies every stored event, each once, and ends equal to a rebuild from the event store', () => {
    expect(caughtUpMs).toBeDefined();
    expect(counts.lostDetail).toEqual({ notStored: 0, notOnKafka: 0, notApplied: 0 });
    expect(counts.applied).toBe(counts.stored);
    expect(counts.duplicatedEffects).toBe(0);
    expect(counts.mismatches).toEqual([]);
    expect(counts.parked).toBe(0);
    expect(differences).toEqual([]);
  });
});
