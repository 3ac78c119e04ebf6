import { createTestDatabase, scrapeMetric, waitFor, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import { postJson, startApp, type AppProcess } from './platform-process.js';

/** /metrics on every app: the oldest transaction holding the log reader's horizon, and a cheap event count. */
describe('database metrics', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let api: AppProcess;
  let views: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_db_metrics');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined, API_URL: api.url });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('shows how long the oldest transaction holding the horizon has been open, on every app', async () => {
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    const began = Date.now();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const app of [api, views]) {
        const age = (await scrapeMetric(app.url, 'ecab_postgres_oldest_transaction_age_seconds')) ?? Number.NaN;
        expect({ app: app.name, atLeast: age >= (Date.now() - began - 200) / 1000 }).toEqual({ app: app.name, atLeast: true });
      }
    } finally {
      await client.query('COMMIT');
    }
  });

  it('counts the stored events, new ones included', async () => {
    for (const id of ['MET-1', 'MET-2']) {
      const registered = await postJson(`${api.url}/api/v1/projects`, {
        id,
        title: `Metrics ${id}`,
        cluster: 'health',
        countries: [{ code: 'KG', percentage: 100 }],
      });
      expect(registered.status).toBe(201);
      const stored = Number((await client.query<{ n: string }>('select count(*) as n from events')).rows[0]!.n);
      await waitFor(async () => ((await scrapeMetric(api.url, 'ecab_events_stored')) === stored ? true : undefined), {
        description: `ecab_events_stored = ${stored}`,
        timeoutMs: 20_000,
      });
    }
  });
});
