import { type AppProcess, cleanUp, createTestDatabase, startApp, type TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@ecab/testing';
import pg from 'pg';
import { appliedTotal, differencesFromRebuild, eventsAfterCheckpoint } from './support/ledger.js';
import { cleanUpKafka, recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { Traffic } from './support/traffic.js';

/**
 * Drill 3. portfolio-views is SIGKILLed while it applies batches, then started again with the same
 * consumer group. To land the kill inside the work rather than in an idle moment, the drill freezes it
 * (SIGSTOP) while commands keep arriving, lets it go on (SIGCONT) and kills it the moment it applied its
 * first catch-up batch: later batches are then applied but not committed on Kafka, or in flight.
 * On restart it must resume from its committed offsets, skip what it had applied, and end equal to a
 * rebuild computed straight from the event store.
 */
describe('drill 3: portfolio-views is killed (SIGKILL) mid-batch and restarted', () => {
  const prefix = uniqueTopicPrefix('drill-views');
  const brokers = testKafkaBrokers().join(',');
  const startedAt = Date.now();
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let traffic: Traffic;
  let settled: Settled;
  let differences: string[] = [];
  const notes: Record<string, unknown> = {};

  beforeAll(async () => {
    database = await createTestDatabase('drill_views');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
    const viewsEnv = { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views` };
    const api = await startApp('portfolio-api', env);
    apps.push(api);
    const views = await startApp('portfolio-views', viewsEnv, 'portfolio-views#1');
    apps.push(views);

    traffic = new Traffic({
      idPrefix: 'DRILL-VIEWS',
      targets: () => [api.url],
      projects: 24,
      workers: 4,
      pauseMs: 25,
      maxCommands: 8_000,
      maxDurationMs: 100_000,
    });
    traffic.start();
    await traffic.acknowledgedMore(400, 20_000);

    traffic.phase = 'views-frozen';
    process.kill(views.pid, 'SIGSTOP');
    await traffic.acknowledgedMore(800, 20_000);
    const watcher = new pg.Client({ connectionString: database.url, application_name: 'ecab-drill-watch' });
    await watcher.connect();
    const before = await appliedTotal(watcher);
    // Frozen possibly inside its projection transaction (an open xid): the gap-safe relay reads only below
    // the server's oldest running transaction, so this shows whether the relay was held back meanwhile.
    notes['relayBacklogWhileViewsFrozen'] = await eventsAfterCheckpoint(database.url, 'relay:kafka');
    process.kill(views.pid, 'SIGCONT');
    const watchUntil = Date.now() + 10_000;
    let applied = before;
    while (applied === before && Date.now() < watchUntil) applied = await appliedTotal(watcher);
    traffic.phase = 'views-down';
    process.kill(views.pid, 'SIGKILL');
    notes['killedRightAfterFirstCatchUpBatch'] = applied !== before;
    await views.kill('SIGKILL');
    const storedAtKill = Number((await watcher.query<{ n: string }>('select count(*) as n from events')).rows[0]?.n);
    notes['notYetAppliedAtKill'] = storedAtKill - (await appliedTotal(watcher));
    await watcher.end();

    await traffic.acknowledgedMore(300, 20_000);
    // The new instance joins the same group; Kafka first waits out the dead member's session (kafkajs: 30 s).
    const restartAt = Date.now();
    apps.push(await startApp('portfolio-views', viewsEnv, 'portfolio-views#2'));
    notes['restartedHealthyAfterMs'] = Date.now() - restartAt;
    traffic.phase = 'after';
    await traffic.acknowledgedMore(300, 20_000);
    await traffic.stop();

    settled = await settle({ databaseUrl: database.url, brokers, topicPrefix: prefix, sent: traffic.sent, acknowledged: traffic.acknowledged });
    differences = await differencesFromRebuild(database.url);
    notes['readModelCaughtUpMsAfterTraffic'] = settled.readModelCaughtUpMs;
    notes['differencesFromRebuild'] = differences.length;
    recordDrill({
      drill: '3-views-killed',
      title: 'portfolio-views SIGKILLed mid-batch, restarted',
      counts: settled.counts,
      statuses: {
        before: traffic.statusCounts('before'),
        viewsFrozen: traffic.statusCounts('views-frozen'),
        viewsDown: traffic.statusCounts('views-down'),
        after: traffic.statusCounts('after'),
      },
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 140_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('3-views-killed', apps), // the apps' logs of the last run, for a failing drill
      () => traffic?.stop(),
      ...apps.reverse().map((app) => () => app.stop()),
      () => database?.drop(),
      () => cleanUpKafka(brokers, prefix),
    );
  }, 60_000);

  it('kills it while it catches up, with events still to apply', () => {
    expect(notes['killedRightAfterFirstCatchUpBatch']).toBe(true);
    expect(notes['notYetAppliedAtKill']).toBeGreaterThan(0);
  });

  it('resumes after the restart and applies every stored event, each once', () => {
    expect(settled.readModelCaughtUpMs).toBeDefined();
    expect(settled.counts.lostDetail).toEqual({ notStored: 0, notOnKafka: 0, notApplied: 0 });
    expect(settled.counts.applied).toBe(settled.counts.stored);
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.mismatches).toEqual([]);
  });

  it('ends equal to a rebuild from the event store (title, cluster, countries, version, money per currency)', () => {
    expect(differences).toEqual([]);
  });
});
