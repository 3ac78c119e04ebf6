import { type AppProcess, authHeaders, cleanUp, createTestDatabase, startApp, type TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@ecab/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { cleanUpKafka, recordDrill, saveLogs } from './support/results.js';
import { settle, type Settled } from './support/settle.js';
import { money, projectBody, type Acknowledged, type StatusCounts } from './support/traffic.js';

const HEALTHY_PROJECTS = 20;
const POISONED = 'DRILL-POISON-1';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(method: string, url: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...authHeaders() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface ParkedView {
  id: string;
  project: string;
  streamVersion?: number;
  eventId?: string;
}

/**
 * Drill 5. A poison message (not even JSON) is injected on a cluster topic, keyed by a project, between
 * that project's real events. Expected: that project is parked (the poison and every later event of it),
 * the other projects are unaffected; after the fix — the operator discards the garbage and retries the
 * project — its real events are applied in order and the read model is complete.
 */
describe('drill 5: a poison message on a topic', () => {
  const prefix = uniqueTopicPrefix('drill-poison');
  const brokers = testKafkaBrokers().join(',');
  const startedAt = Date.now();
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let api: AppProcess;
  let views: AppProcess;
  const acknowledged: Acknowledged[] = [];
  const statuses: Record<string, StatusCounts> = {};
  const notes: Record<string, unknown> = {};
  let sent = 0;
  let parkedBeforeFix: ParkedView[] = [];
  let healthyWhileParked: number[] = [];
  let retry: Answer;
  let settled: Settled;

  /** The consistentWith token of each project's last command, to read it back. */
  const lastToken = new Map<string, string>();

  async function command(phase: string, path: string, body: unknown, projectId: string, kind: Acknowledged['kind']): Promise<void> {
    sent += 1;
    const answer = await call('POST', `${api.url}${path}`, body);
    const counts = (statuses[phase] ??= {});
    counts[String(answer.status)] = (counts[String(answer.status)] ?? 0) + 1;
    if (answer.status === 201) {
      acknowledged.push({ projectId, streamId: String(answer.body['streamId']), version: answer.body['version'] as number, kind });
      lastToken.set(projectId, String(answer.body['consistentWith']));
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('drill_poison');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
    api = await startApp('portfolio-api', env);
    apps.push(api);
    views = await startApp('portfolio-views', { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views` });
    apps.push(views);

    // The poisoned project's first event is applied before the poison arrives.
    await command('before', '/api/v1/projects', projectBody(POISONED, 'transport'), POISONED, 'register');
    const applied = await call('GET', `${views.url}/api/v1/projects/${POISONED}?consistentWith=${POISONED}:1`);
    if (applied.status !== 200) throw new Error(`setup: ${POISONED} v1 not applied (${applied.status})`);

    const kafka = new Kafka({ clientId: 'drill-poisoner', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: `${prefix}ecab.portfolio.transport.v1`,
      messages: [
        {
          key: POISONED,
          value: '\u0000not an event',
          headers: { ce_specversion: '1.0', ce_id: 'poison-drill-1', ce_subject: POISONED, ce_type: 'ecab.project.registered.v1' },
        },
      ],
    });
    await producer.disconnect();

    // Its later events queue behind the poison; every other project goes on.
    await command('after-poison', `/api/v1/projects/${POISONED}/commitments`, money('1000.00'), POISONED, 'commitment');
    await command('after-poison', `/api/v1/projects/${POISONED}/disbursements`, money('10.00'), POISONED, 'disbursement');
    for (let n = 1; n <= HEALTHY_PROJECTS; n++) {
      const id = `DRILL-HEALTHY-${n}`;
      await command('after-poison', '/api/v1/projects', projectBody(id, n % 2 === 0 ? 'transport' : 'health'), id, 'register');
      await command('after-poison', `/api/v1/projects/${id}/commitments`, money('1000.00'), id, 'commitment');
      await command('after-poison', `/api/v1/projects/${id}/disbursements`, money('10.00'), id, 'disbursement');
    }
    healthyWhileParked = await Promise.all(
      // Read back after each healthy project's last command (its disbursement, on its agreement stream).
      Array.from(
        { length: HEALTHY_PROJECTS },
        async (_, i) =>
          (
            await call(
              'GET',
              `${views.url}/api/v1/projects/DRILL-HEALTHY-${i + 1}?consistentWith=${encodeURIComponent(lastToken.get(`DRILL-HEALTHY-${i + 1}`) ?? '')}`,
            )
          ).status,
      ),
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      parkedBeforeFix = ((await call('GET', `${views.url}/api/v1/admin/parked-messages`)).body['messages'] as ParkedView[]) ?? [];
      if (parkedBeforeFix.length >= 4 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    notes['poisonedViewVersionWhileParked'] = (await call('GET', `${views.url}/api/v1/projects/${POISONED}`)).body['version'];

    // The fix: the garbage can never be applied, so the operator discards it and retries the project.
    const garbage = parkedBeforeFix.find((m) => m.eventId === 'poison-drill-1');
    if (!garbage) throw new Error(`the poison was not parked: ${JSON.stringify(parkedBeforeFix)}`);
    notes['discardStatus'] = (await call('DELETE', `${views.url}/api/v1/admin/parked-messages/${garbage.id}`)).status;
    retry = await call('POST', `${views.url}/api/v1/admin/parked-messages/${POISONED}/retry`, {});

    settled = await settle({ databaseUrl: database.url, brokers, topicPrefix: prefix, sent, acknowledged });
    recordDrill({
      drill: '5-poison-message',
      title: 'Poison message on a topic: its project parked, others unaffected, complete after the fix',
      counts: settled.counts,
      statuses: {
        ...statuses,
        'healthy reads while parked': Object.fromEntries(
          [...new Set(healthyWhileParked)].map((s) => [String(s), healthyWhileParked.filter((x) => x === s).length]),
        ),
      },
      notes: { ...notes, parkedBeforeFix: parkedBeforeFix.map((m) => `${m.project}@${m.streamVersion ?? 'poison'}`), retry: retry.body },
      durationMs: Date.now() - startedAt,
    });
  }, 180_000);

  afterAll(async () => {
    await cleanUp(
      () => saveLogs('5-poison-message', apps),
      ...apps.reverse().map((app) => () => app.stop()),
      () => database?.drop(),
      () => cleanUpKafka(brokers, prefix),
    );
  }, 60_000);

  it('parks the poisoned project: the poison and every later event of it, in order', () => {
    // Its later events are on its agreement with ADB: opened (1) and the commitment (2) by the first command, the disbursement (3).
    expect(parkedBeforeFix.map((m) => [m.project, m.streamVersion ?? null])).toEqual([
      [POISONED, null],
      [POISONED, 1],
      [POISONED, 2],
      [POISONED, 3],
    ]);
    expect(notes['poisonedViewVersionWhileParked']).toBe(1);
  });

  it('keeps applying every other project while one is parked', () => {
    expect(healthyWhileParked).toEqual(Array.from({ length: HEALTHY_PROJECTS }, () => 200));
  });

  it('applies the parked events in order after the fix and leaves nothing parked', () => {
    expect(notes['discardStatus']).toBe(204);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ subject: POISONED, applied: 3, remaining: 0 });
    expect(settled.counts.parked).toBe(0);
    expect(settled.counts.deadLettered).toBe(1);
  });

  it('loses nothing and applies nothing twice', () => {
    expect(settled.counts.acknowledged).toBe(3 + 3 * HEALTHY_PROJECTS);
    expect(settled.counts.lost).toBe(0);
    expect(settled.counts.duplicatedEffects).toBe(0);
    expect(settled.counts.mismatches).toEqual([]);
    expect(settled.counts.applied).toBe(settled.counts.stored);
  });
});
