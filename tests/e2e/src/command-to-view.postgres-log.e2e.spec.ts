import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { getJson, postJson, startApp, type AppProcess } from './platform-process.js';

/** The embedded default (no KAFKA_BROKERS): the same views, fed from the event store's own log. */
describe('without Kafka, the views follow the PostgreSQL log', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_pglog');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
  });

  afterAll(async () => {
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('shows a registered project and its money in the portfolio summary', async () => {
    const health = await getJson(`${views.url}/health`);
    expect(health.body).toEqual({ status: 'up', checks: { postgres: { status: 'up' } } });

    const registered = await postJson(`${api.url}/api/v1/projects`, {
      id: 'ECAB-HE-01',
      title: 'Strengthening Regional Health Security',
      cluster: 'health',
      countries: [{ code: 'KG', percentage: 100 }],
    });
    expect(registered.status).toBe(201);
    const commitment = await postJson(`${api.url}/api/v1/projects/ECAB-HE-01/commitments`, { amount: '20000000', currency: 'USD', date: '2023-05-10', financier: 'XM-DAC-46004' });
    expect(commitment.status).toBe(201);

    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=ECAB-HE-01:2`);
    expect(summary.status).toBe(200);
    const clusters = summary.body.clusters as { cluster: string; projects: number; financing: unknown[] }[];
    expect(clusters.map((c) => c.cluster)).toEqual(['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate']);
    expect(clusters.find((c) => c.cluster === 'health')).toEqual({ cluster: 'health', projects: 1, financing: [{ currency: 'USD', committed: '20000000.00', disbursed: '0.00' }] });
  });

  it('answers 409 naming the version it has when asked for one that never comes', async () => {
    const response = await getJson(`${views.url}/api/v1/projects/ECAB-HE-01?consistentWith=ECAB-HE-01:99`);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ requiredVersion: 99, appliedVersion: 2 });
  });

  it('answers 404 as problem+json for an unknown project', async () => {
    const response = await getJson(`${views.url}/api/v1/projects/NOPE`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
