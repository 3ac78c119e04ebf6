import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { getJson, postJson, startApp, type AppProcess } from './platform-process.js';

/** The embedded default (no KAFKA_BROKERS): the same views, fed from the event store's own log. */
describe('without Kafka, the views follow the PostgreSQL log', () => {
  /** The project's agreement with ADB, opened by its first commitment through the project-level shorthand. */
  const AGREEMENT = 'ECAB-HE-01~XM-DAC-46004';
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_pglog');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined, LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('shows a registered project and its money in the portfolio summary', async () => {
    const health = await getJson(`${views.url}/health`);
    expect(health.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' } } });

    const registered = await postJson(`${api.url}/api/v1/projects`, {
      id: 'ECAB-HE-01',
      title: 'Strengthening Regional Health Security',
      cluster: 'health',
      countries: [{ code: 'KG', percentage: 100 }],
    });
    expect(registered.status).toBe(201);
    const commitment = await postJson(`${api.url}/api/v1/projects/ECAB-HE-01/commitments`, {
      amount: '20000000',
      currency: 'USD',
      date: '2023-05-10',
      financier: 'XM-DAC-46004',
    });
    expect(commitment.status).toBe(201);
    expect(commitment.body).toMatchObject({ streamId: `agreement-${AGREEMENT}`, version: 2, consistentWith: `agreement-${AGREEMENT}@2` });

    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${encodeURIComponent(String(commitment.body.consistentWith))}`);
    expect(summary.status).toBe(200);
    const clusters = summary.body.clusters as { cluster: string; projects: number; financing: unknown[] }[];
    expect(clusters.map((c) => c.cluster)).toEqual(['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate']);
    expect(clusters.find((c) => c.cluster === 'health')).toEqual({
      cluster: 'health',
      projects: 1,
      financing: [{ currency: 'USD', committed: '20000000.00', disbursed: '0.00' }],
    });
  });

  it('answers 409 naming the version it has when asked for one that never comes', async () => {
    const response = await getJson(`${views.url}/api/v1/projects/ECAB-HE-01?consistentWith=ECAB-HE-01:99`);
    expect(response.status).toBe(409);
    // The project's own stream holds only its registration: its money is on the agreement.
    expect(response.body).toMatchObject({ requiredVersion: 99, appliedVersion: 1 });
  });

  it('answers 404 as problem+json for an unknown project', async () => {
    const response = await getJson(`${views.url}/api/v1/projects/NOPE`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it("carries the command's correlation id and W3C trace context into the consumer's logs", async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const registered = await postJson(
      `${api.url}/api/v1/projects`,
      {
        id: 'ECAB-AQ-02',
        title: 'Joint air-quality data platform',
        cluster: 'air-quality',
        countries: [
          { code: 'KZ', percentage: 50 },
          { code: 'KG', percentage: 50 },
        ],
      },
      { traceparent, 'x-correlation-id': 'corr-trace-e2e' },
    );
    expect(registered.status).toBe(201);
    await getJson(`${views.url}/api/v1/projects/ECAB-AQ-02?consistentWith=ECAB-AQ-02:1`);
    const line = views
      .output()
      .split('\n')
      .find((l) => l.includes('"event applied"') && l.includes('ECAB-AQ-02'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ correlationId: 'corr-trace-e2e', traceparent, streamVersion: 1, type: 'ProjectRegistered' });
  });

  it('serves the AsyncAPI document of the published events', async () => {
    for (const url of [api.url, views.url]) {
      const document = await getJson(`${url}/api/asyncapi.json`);
      expect(document.status).toBe(200);
      expect(document.body.asyncapi).toMatch(/^3\./);
      expect(Object.keys(document.body.channels as object).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('answers a retried command with its first answer and stores nothing new (Idempotency-Key)', async () => {
    const url = `${api.url}/api/v1/projects/ECAB-HE-01/commitments`;
    const body = { amount: '5000000.00', currency: 'USD', date: '2024-03-01', financier: 'XM-DAC-46004' };
    const key = { 'idempotency-key': 'e2e-commitment-7f3a' };
    const first = await postJson(url, body, key);
    expect(first.status).toBe(201);
    const again = await postJson(url, body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // Sent five times at once: one command, one event, five identical answers.
    const burst = await Promise.all(Array.from({ length: 5 }, () => postJson(url, { ...body, amount: '7.00' }, { 'idempotency-key': 'e2e-burst-91c2' })));
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(burst.map((r) => JSON.stringify(r.body))).size).toBe(1);

    const reused = await postJson(url, { ...body, amount: '1.00' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    expect(burst[0]!.body).toMatchObject({ streamId: `agreement-${AGREEMENT}`, version: 4, events: ['AgreementCommitmentRecorded'] });
    const view = await getJson(`${views.url}/api/v1/projects/ECAB-HE-01?consistentWith=${encodeURIComponent(String(burst[0]!.body.consistentWith))}`);
    expect(view.status).toBe(200);
    expect(view.body.version).toBe(1);
    expect(view.body.financing).toEqual([{ currency: 'USD', committed: '25000007.00', disbursed: '0.00' }]);
  });
});
