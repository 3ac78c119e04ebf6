import { type AppProcess, cleanUp, createTestDatabase, scrapeMetric, startApp, type TestDatabase, uniqueTopicPrefix } from '@ecab/testing';
import { createOwnKafka, type OwnKafka } from './support/own-kafka.js';
import { differencesFromAcknowledged } from './support/acknowledged.js';
import { recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { Traffic } from './support/traffic.js';

/**
 * Drill 1. The broker goes away while program managers keep sending commands, then comes back.
 * Commands must still be accepted (the event store is the outbox); afterwards every stored event is on
 * Kafka (a consumer sees each (stream, version); copies allowed) and the read model is complete, each
 * effect once, and the money it shows is what the clients were answered 201 for. The relay must be seen to
 * notice the outage: its backlog (`/metrics`) holds at least every command acknowledged while the broker
 * was down, and is empty again at the end. The drill runs its own broker so that stopping it disturbs no
 * other suite.
 */
describe('drill 1: the Kafka broker stops while commands keep arriving, then restarts', () => {
  const prefix = uniqueTopicPrefix('drill-kafka');
  const startedAt = Date.now();
  let kafka: OwnKafka | undefined;
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let api: AppProcess;
  let traffic: Traffic;
  let settled: Settled;
  const notes: Record<string, unknown> = {};

  beforeAll(async () => {
    kafka = await createOwnKafka();
    await kafka.start();
    database = await createTestDatabase('drill_kafka');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
    api = await startApp('portfolio-api', env);
    apps.push(api);
    apps.push(await startApp('portfolio-views', { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views` }));

    traffic = new Traffic({
      idPrefix: 'DRILL-KAFKA',
      targets: () => [api.url],
      projects: 24,
      workers: 4,
      pauseMs: 10,
      maxCommands: 8_000,
      maxDurationMs: 90_000,
    });
    traffic.start();
    await traffic.acknowledgedMore(300, 20_000);

    traffic.phase = 'broker-down';
    const downAt = Date.now();
    await kafka.stop();
    const acknowledgedAtStop = traffic.acknowledged.length;
    notes['commandsAcceptedWhileDown'] = await traffic.acknowledgedMore(400, 20_000);
    // Read before the broker is back: every event acknowledged since it stopped is still waiting to be published.
    notes['relayBacklogBeforeRestart'] = await scrapeMetric(api.url, 'ecab_relay_backlog_events');
    notes['acknowledgedWhileDown'] = traffic.acknowledged.length - acknowledgedAtStop;
    await kafka.start();
    notes['brokerDownMs'] = Date.now() - downAt;

    traffic.phase = 'after';
    notes['commandsAcceptedAfter'] = await traffic.acknowledgedMore(300, 20_000);
    await traffic.stop();

    settled = await settle({ databaseUrl: database.url, brokers: kafka.brokers, topicPrefix: prefix, sent: traffic.sent, acknowledged: traffic.acknowledged });
    notes['readModelCaughtUpMsAfterTraffic'] = settled.readModelCaughtUpMs;
    notes['relayBacklogAtEnd'] = await scrapeMetric(api.url, 'ecab_relay_backlog_events');
    notes['differencesFromAcknowledged'] = differencesFromAcknowledged(traffic.acknowledged, settled.view);
    recordDrill({
      drill: '1-kafka-broker-restart',
      title: 'Kafka broker stopped under load, then restarted',
      counts: settled.counts,
      statuses: { before: traffic.statusCounts('before'), brokerDown: traffic.statusCounts('broker-down'), after: traffic.statusCounts('after') },
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 140_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('1-kafka-broker-restart', apps), // the apps' logs of the last run, for a failing drill
      () => traffic?.stop(),
      ...apps.reverse().map((app) => () => app.stop()),
      () => kafka?.destroy(), // its topics and groups go with its data dir
      () => database?.drop(),
    );
  }, 60_000);

  it('accepts every command before, while and after the broker is down (201, nothing else)', () => {
    expect(notes['commandsAcceptedWhileDown']).toBe(true);
    expect(notes['commandsAcceptedAfter']).toBe(true);
    expect({
      before: Object.keys(traffic.statusCounts('before')),
      down: Object.keys(traffic.statusCounts('broker-down')),
      after: Object.keys(traffic.statusCounts('after')),
    }).toEqual({
      before: ['201'],
      down: ['201'],
      after: ['201'],
    });
  });

  it('shows the outage in the relay: what was acknowledged while the broker was down waited in its backlog, then went out', () => {
    expect(notes['acknowledgedWhileDown']).toBeGreaterThanOrEqual(400);
    expect(notes['relayBacklogBeforeRestart']).toBeGreaterThanOrEqual(notes['acknowledgedWhileDown'] as number);
    expect(notes['relayBacklogAtEnd']).toBe(0);
  });

  it('stores every acknowledged command', () => {
    expect(settled.counts.lostDetail.notStored).toBe(0);
    expect(settled.counts.stored).toBeGreaterThanOrEqual(settled.counts.acknowledged);
  });

  it('puts every stored event on Kafka, each (stream, version) at least once', () => {
    expect(settled.counts.lostDetail.notOnKafka).toBe(0);
    expect(settled.counts.onKafkaUnique).toBe(settled.counts.stored);
  });

  it('applies every event to the read model exactly once: versions and money match the store', () => {
    expect(settled.readModelCaughtUpMs).toBeDefined();
    expect(settled.counts.mismatches).toEqual([]);
    expect(settled.counts.lost).toBe(0);
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.applied).toBe(settled.counts.stored);
  });

  it('shows the money the clients were answered 201 for, no more and no less', () => {
    expect(traffic.acknowledged.filter((a) => a.kind !== 'register').length).toBeGreaterThan(900);
    expect(notes['differencesFromAcknowledged']).toEqual([]);
  });
});
