import { type AppProcess, authHeaders, cleanUp, createTestDatabase, startApp, type TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@ecab/testing';
import { readStore, streamOf, type StoredEvent } from './support/ledger.js';
import { streamGaps } from './support/reconcile.js';
import { cleanUpKafka, recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { money, projectBody, type Acknowledged, type StatusCounts } from './support/traffic.js';

const RACERS = 100;
const PROJECT = 'DRILL-RACE-1';
/** Money lives on the project's agreement with the financier, which the first shorthand commitment opened. */
const AGREEMENT_STREAM = `agreement-${PROJECT}~XM-DAC-46004`;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(), ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Drill 6. 100 disbursements on the same project, all sent at once with the same If-Match version:
 * exactly one wins (201), the 99 others get 409 naming the version they lost to, nothing of theirs is
 * stored, the stream has no gap, and Kafka and the read model show the one winner once.
 */
describe('drill 6: 100 concurrent commands on the same project version', () => {
  const prefix = uniqueTopicPrefix('drill-race');
  const brokers = testKafkaBrokers().join(',');
  const startedAt = Date.now();
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let answers: Answer[] = [];
  let stored: StoredEvent[] = [];
  let settled: Settled;
  const acknowledged: Acknowledged[] = [];
  const notes: Record<string, unknown> = {};

  beforeAll(async () => {
    database = await createTestDatabase('drill_race');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
    const api = await startApp('portfolio-api', env);
    apps.push(api);
    apps.push(await startApp('portfolio-views', { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views` }));

    const registered = await post(`${api.url}/api/v1/projects`, projectBody(PROJECT, 'transport'));
    const committed = await post(`${api.url}/api/v1/projects/${PROJECT}/commitments`, money('1000.00'));
    if (registered.status !== 201 || committed.status !== 201) throw new Error(`setup failed: ${registered.status} ${committed.status}`);
    // The commitment opened the project's agreement with the financier (AgreementOpened + the commitment): version 2 of its stream.
    expect(committed.body).toMatchObject({ streamId: AGREEMENT_STREAM, version: 2 });
    acknowledged.push(
      { projectId: PROJECT, streamId: streamOf(PROJECT), version: 1, kind: 'register' },
      { projectId: PROJECT, streamId: AGREEMENT_STREAM, version: 2, kind: 'commitment' },
    );

    const raceStarted = Date.now();
    answers = await Promise.all(
      Array.from({ length: RACERS }, () => post(`${api.url}/api/v1/projects/${PROJECT}/disbursements`, money('10.00'), { 'if-match': '"2"' })),
    );
    notes['raceMs'] = Date.now() - raceStarted;
    for (const answer of answers) {
      if (answer.status === 201)
        acknowledged.push({ projectId: PROJECT, streamId: String(answer.body['streamId']), version: answer.body['version'] as number, kind: 'disbursement' });
    }

    stored = await readStore(database.url);
    settled = await settle({ databaseUrl: database.url, brokers, topicPrefix: prefix, sent: RACERS + 2, acknowledged });
    const statuses: StatusCounts = {};
    for (const a of answers) statuses[String(a.status)] = (statuses[String(a.status)] ?? 0) + 1;
    recordDrill({
      drill: '6-concurrent-commands',
      title: '100 concurrent commands on one project version (If-Match)',
      counts: settled.counts,
      statuses: { race: statuses },
      notes,
      durationMs: Date.now() - startedAt,
    });
  }, 120_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('6-concurrent-commands', apps), // the apps' logs of the last run, for a failing drill
      ...apps.reverse().map((app) => () => app.stop()),
      () => database?.drop(),
      () => cleanUpKafka(brokers, prefix),
    );
  }, 60_000);

  it('lets exactly one win (201) and answers the other 99 with 409', () => {
    const winners = answers.filter((a) => a.status === 201);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body['version']).toBe(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(RACERS - 1);
  });

  it('tells every loser which version it lost to', () => {
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(loser.body).toMatchObject({ status: 409, expectedVersion: 2, actualVersion: 3 });
    }
  });

  it('stores the winner only, and the stream has no gap', () => {
    expect(stored.filter((e) => e.streamId === streamOf(PROJECT)).map((e) => e.version)).toEqual([1]);
    expect(stored.filter((e) => e.streamId === AGREEMENT_STREAM).map((e) => [e.version, e.type])).toEqual([
      [1, 'AgreementOpened'],
      [2, 'AgreementCommitmentRecorded'],
      [3, 'FundsReceived'],
    ]);
    expect(streamGaps(stored)).toEqual([]);
  });

  it('publishes and applies the winner once: one disbursement of 10.00 in the read model', () => {
    expect(settled.counts.lost).toBe(0);
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.mismatches).toEqual([]);
    expect(settled.counts.applied).toBe(4);
    expect(settled.counts.onKafkaUnique).toBe(4);
  });
});
