import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import { readTopics, testKafkaBrokers, type TestDatabase } from '@ecab/testing';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { getJson, postJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * The first change end to end, everything real: HTTP command → event store → relay → Kafka
 * (CloudEvents binary mode) → portfolio-views' consumer group → the portfolio summary.
 */
describe('a program manager’s change flows from the API through Kafka into the portfolio view', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;
  let transportTopic: string;

  beforeAll(async () => {
    platform = await startKafkaPlatform('flow');
    ({ database, api, views } = platform);
    transportTopic = `${platform.prefix}ecab.portfolio.transport.v1`;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const project = {
    id: 'ECAB-TR-01',
    title: 'Almaty–Issyk-Kul road: feasibility study',
    cluster: 'transport',
    countries: [
      { code: 'KZ', percentage: 59.4 },
      { code: 'KG', percentage: 40.6 },
    ],
  };
  const money = (amount: string, date = '2024-06-01') => ({ amount, currency: 'USD', date, financier: 'XM-DAC-46004' });
  // Money lives on agreements: the project had none with ADB, so the first shorthand opened this one.
  const AGREEMENT = 'ECAB-TR-01~XM-DAC-46004';
  const agreementToken = (version: number) => encodeURIComponent(`agreement-${AGREEMENT}@${version}`);

  async function eventCount(): Promise<number> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ count: string }>('select count(*) from events');
      return Number(result.rows[0]?.count);
    } finally {
      await client.end();
    }
  }

  it('registers a project, records money, publishes CloudEvents and shows them in the summary', async () => {
    const registered = await postJson(`${api.url}/api/v1/projects`, project, { 'x-correlation-id': 'corr-e2e-1' });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      id: 'ECAB-TR-01',
      projectId: 'ECAB-TR-01',
      streamId: 'project-ECAB-TR-01',
      version: 1,
      events: ['ProjectRegistered'],
      consistentWith: 'ECAB-TR-01:1',
    });
    expect(registered.headers.get('etag')).toBe('"1"');

    const committed = await postJson(`${api.url}/api/v1/projects/ECAB-TR-01/commitments`, money('1500000.00'));
    expect(committed.status).toBe(201);
    expect(committed.body).toEqual({
      id: expect.any(String),
      projectId: 'ECAB-TR-01',
      streamId: `agreement-${AGREEMENT}`,
      version: 2,
      events: ['AgreementOpened', 'AgreementCommitmentRecorded'],
      consistentWith: `agreement-${AGREEMENT}@2`,
    });
    // If-Match compares the agreement stream's version.
    const disbursed = await postJson(`${api.url}/api/v1/projects/ECAB-TR-01/disbursements`, money('250000.5'), { 'if-match': '"2"' });
    expect(disbursed.status).toBe(201);
    expect(disbursed.body).toMatchObject({
      streamId: `agreement-${AGREEMENT}`,
      version: 3,
      events: ['FundsReceived'],
      consistentWith: `agreement-${AGREEMENT}@3`,
    });

    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${agreementToken(3)}`);
    expect(summary.status).toBe(200);
    const transport = (summary.body.clusters as { cluster: string }[]).find((c) => c.cluster === 'transport');
    expect(transport).toEqual({ cluster: 'transport', projects: 1, financing: [{ currency: 'USD', committed: '1500000.00', disbursed: '250000.50' }] });

    // The project's own stream holds only its registration now.
    const view = await getJson(`${views.url}/api/v1/projects/ECAB-TR-01`);
    expect(view.body).toMatchObject({ id: 'ECAB-TR-01', version: 1, cluster: 'transport', countries: project.countries });

    const read = await readTopics([transportTopic], { count: 4 });
    expect(read).toHaveLength(4);
    const events = read.map(({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      const incoming: CloudEventsKafkaMessage<Buffer> = { key: String(message.key), value: message.value as Buffer, headers, body: message.value };
      return CloudEventsKafka.toEvent(incoming) as CloudEvent<Record<string, unknown>>;
    });
    for (const event of events) expect(event.validate()).toBe(true);
    expect(events.map((e) => e.type)).toEqual([
      'ecab.project.registered.v1',
      'ecab.agreement.opened.v1',
      'ecab.agreement.commitment-recorded.v1',
      'ecab.agreement.funds-received.v1',
    ]);
    expect(events.map((e) => `${String(e['streamid'])}@${String(e['streamversion'])}`)).toEqual([
      'project-ECAB-TR-01@1',
      `agreement-${AGREEMENT}@1`,
      `agreement-${AGREEMENT}@2`,
      `agreement-${AGREEMENT}@3`,
    ]);
    expect(new Set(read.map((r) => r.partition)).size).toBe(1);
    expect(read.every((r) => String(r.message.key) === 'ECAB-TR-01')).toBe(true);
    const first = events[0]!;
    expect(first.source).toBe('/ecab/portfolio');
    expect(first.subject).toBe('ECAB-TR-01');
    expect(first['cluster']).toBe('transport');
    expect(first['correlationid']).toBe('corr-e2e-1');
    expect(first.dataschema).toBe('urn:ecab:schema:ecab.project.registered.v1');
    expect(first.data).toMatchObject({ projectId: 'ECAB-TR-01', title: project.title, cluster: 'transport' });
    expect(events[1]!.data).toEqual({
      agreementId: AGREEMENT,
      projectId: 'ECAB-TR-01',
      effectiveDate: '2024-06-01',
      financier: { ref: 'XM-DAC-46004' },
      currency: 'USD',
      openedBy: 'shorthand',
    });
    expect(events[3]!.data).toMatchObject({
      agreementId: AGREEMENT,
      amount: '250000.50',
      currency: 'USD',
      valueDate: '2024-06-01',
      transactionType: { code: '1' },
    });
  });

  it('applies a message delivered twice only once', async () => {
    const [original] = await readTopics([transportTopic], { count: 1, idleMs: 0 });
    expect(original).toBeDefined();
    // The commitment (version 2 of the agreement) is delivered again, as a relay retry would.
    const all = await readTopics([transportTopic], { count: 4, idleMs: 0 });
    const commitment = all.find(
      (r) => String(r.message.headers?.ce_streamid) === `agreement-${AGREEMENT}` && String(r.message.headers?.ce_streamversion) === '2',
    )!;
    expect(String(commitment.message.headers?.ce_type)).toBe('ecab.agreement.commitment-recorded.v1');
    const kafka = new Kafka({ clientId: 'e2e-duplicator', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: transportTopic,
      messages: [{ key: commitment.message.key, value: commitment.message.value, headers: commitment.message.headers! }],
    });
    await producer.disconnect();

    // A later command proves the duplicate was consumed before it.
    const disbursed = await postJson(`${api.url}/api/v1/projects/ECAB-TR-01/disbursements`, money('100.00'));
    expect(disbursed.status).toBe(201);
    expect(disbursed.body.version).toBe(4);
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${agreementToken(disbursed.body.version as number)}`);
    const transport = (summary.body.clusters as { cluster: string; financing: unknown[] }[]).find((c) => c.cluster === 'transport');
    expect(transport?.financing).toEqual([{ currency: 'USD', committed: '1500000.00', disbursed: '250100.50' }]);
  });

  it('lets exactly one of two concurrent commands on the same version win', async () => {
    // The version a client saw is the agreement's (the last answer: the disbursement above was its version 4).
    const version = 4;
    const results = await Promise.all(
      [1, 2].map(() => postJson(`${api.url}/api/v1/projects/ECAB-TR-01/disbursements`, money('10.00'), { 'if-match': `"${version}"` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.headers.get('content-type')).toContain('application/problem+json');
    expect(loser.body).toMatchObject({ status: 409, expectedVersion: version, actualVersion: version + 1 });
    // It says what was stored since the version the loser saw: the winner's disbursement, by whom.
    expect(loser.body.changes).toEqual([
      { version: version + 1, type: 'FundsReceived', by: 'test-admin', recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
    expect(loser.body.detail).toContain('since then: FundsReceived (v5, by test-admin)');
    const winner = results.find((r) => r.status === 201)!;
    expect(winner.body).toMatchObject({ streamId: `agreement-${AGREEMENT}`, version: version + 1 });
    const after = await getJson(`${views.url}/api/v1/projects/ECAB-TR-01?consistentWith=${agreementToken(version + 1)}`);
    expect(after.status).toBe(200);
    expect(after.body.financing).toEqual([{ currency: 'USD', committed: '1500000.00', disbursed: '250110.50' }]);
  });

  it('rejects bad input with problem+json listing every field, and stores nothing', async () => {
    const storedBefore = await eventCount();
    const bad = await postJson(`${api.url}/api/v1/projects`, { title: '', cluster: 'space', countries: [{ code: 'US', percentage: -1 }], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const pointers = (bad.body.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/title', '/cluster', '/countries/0/code', '/countries/0/percentage']));

    const malformed = await postJson(`${api.url}/api/v1/projects`, '{"title": ');
    expect(malformed.status).toBe(400);

    const badMoney = await postJson(`${api.url}/api/v1/projects/ECAB-TR-01/commitments`, { amount: 12.5, currency: 'XXQ', date: '2024-02-30' });
    expect(badMoney.status).toBe(400);
    expect((badMoney.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/amount', '/currency', '/date', '/financier']);

    const tooMuch = await postJson(`${api.url}/api/v1/projects/ECAB-TR-01/disbursements`, money('999999999.00'));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('FUNDS_RECEIVED_EXCEED_COMMITMENT');

    const unknown = await postJson(`${api.url}/api/v1/projects/NO-SUCH/commitments`, money('1.00'));
    expect(unknown.status).toBe(404);

    const notHundred = await postJson(`${api.url}/api/v1/projects`, { ...project, id: 'ECAB-X', countries: [{ code: 'KZ', percentage: 50 }] });
    expect(notHundred.status).toBe(422);
    expect(notHundred.body.code).toBe('COUNTRY_PERCENTAGES_MUST_SUM_TO_100');

    const again = await postJson(`${api.url}/api/v1/projects`, project);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROJECT_ALREADY_REGISTERED');

    expect(await eventCount()).toBe(storedBefore);
  });

  it('parks a poison message under its project, shows it to operators, and keeps applying other projects', async () => {
    const kafka = new Kafka({ clientId: 'e2e-poisoner', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: transportTopic,
      messages: [
        {
          key: 'ECAB-BAD',
          value: '{"broken": ',
          headers: { ce_specversion: '1.0', ce_type: 'ecab.project.registered.v1', ce_subject: 'ECAB-BAD', ce_id: 'poison-1' },
        },
      ],
    });
    await producer.disconnect();

    const other = await postJson(`${api.url}/api/v1/projects`, { ...project, id: 'ECAB-TR-02', title: 'ABEC Regional Improvement of Border Services' });
    expect(other.status).toBe(201);
    const view = await getJson(`${views.url}/api/v1/projects/ECAB-TR-02?consistentWith=ECAB-TR-02:1`);
    expect(view.status).toBe(200);

    const parked = await getJson(`${views.url}/api/v1/admin/parked-messages`);
    expect(parked.status).toBe(200);
    expect(parked.body).toMatchObject({ count: 1, messages: [{ project: 'ECAB-BAD', eventId: 'poison-1', type: 'ecab.project.registered.v1' }] });
    const [message] = parked.body.messages as { error: string }[];
    expect(message?.error).toMatch(/EventDecodingError/);

    const dead = await readTopics([`${platform.prefix}ecab.portfolio.dlq.v1`], { count: 1 });
    expect(dead.map((d) => String(d.message.headers?.ce_id))).toEqual(['poison-1']);

    // Retrying without a fix fails again and keeps the message parked, in order.
    const retry = await postJson(`${views.url}/api/v1/admin/parked-messages/ECAB-BAD/retry`, {});
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ subject: 'ECAB-BAD', applied: 0, remaining: 1 });
    const none = await postJson(`${views.url}/api/v1/admin/parked-messages/ECAB-NONE/retry`, {});
    expect(none.status).toBe(404);
  });

  it('exposes relay backlog, consumer lag, projection progress and parked messages at /metrics', async () => {
    const apiMetrics = await waitForMetric(`${api.url}/metrics`, /^ecab_relay_backlog_events\{service="portfolio-api"\} 0$/m);
    expect(apiMetrics).toMatch(/^ecab_relay_active\{service="portfolio-api"\} 1$/m);
    const stored = Number(/^ecab_events_stored\{service="portfolio-api"\} (\d+)$/m.exec(apiMetrics)?.[1]);
    expect(stored).toBeGreaterThanOrEqual(6);

    const viewsMetrics = await waitForMetric(`${views.url}/metrics`, /^ecab_consumer_lag\{.*topic="[^"]*transport\.v1".*\} 0$/m);
    expect(viewsMetrics).toMatch(/^ecab_parked_messages\{consumer="[^"]+",service="portfolio-views"\} 1$/m);
    // Every stored event was applied except none: the poison message never reached the event store.
    expect(viewsMetrics).toMatch(new RegExp(`^ecab_projection_applied_events\\{projection="portfolioViews",service="portfolio-views"\\} ${stored}$`, 'm'));
  });
});

async function waitForMetric(url: string, pattern: RegExp): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    text = await (await fetch(url)).text();
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${url} never matched ${pattern}:\n${text
      .split('\n')
      .filter((l) => l.startsWith('ecab_'))
      .join('\n')}`,
  );
}
