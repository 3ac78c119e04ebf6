import { createTestDatabase, waitFor, type TestDatabase } from '@ecab/testing';
import pg from 'pg';
import { authorization, getJson, postJson, startApp, type AppProcess } from './platform-process.js';

// The log transport reads only transactions older than every open one in the cluster: another test's
// open transaction can hold it back for seconds on a shared machine, so reads wait longer here.
const VIEWS_ENV = (url: string) => ({ DATABASE_URL: url, KAFKA_BROKERS: undefined, CONSISTENCY_WAIT_MS: '30000' });

interface RebuildStatus {
  state: string;
  generation: string | null;
  done: number;
  total: number;
  finishedAt: string | null;
  error?: string;
}

/**
 * The read side's infrastructure, on the built apps (PostgreSQL-log transport): freshness headers, the
 * OpenAPI document, the admin rebuild without downtime and the background rebuild when the tables'
 * shape changed between two versions.
 */
describe('portfolio-views: freshness, OpenAPI, rebuild', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let api: AppProcess;
  let views: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_views_infra');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', VIEWS_ENV(database.url));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  async function register(id: string, cluster = 'transport'): Promise<void> {
    const response = await postJson(`${api.url}/api/v1/projects`, { id, title: `Project ${id}`, cluster, countries: [{ code: 'KZ', percentage: 100 }] });
    expect(response.status).toBe(201);
  }

  async function head(): Promise<{ position: string; events: number }> {
    const { rows } = await db.query<{ position: string; events: number }>('select max(position)::text as position, count(*)::int as events from events');
    return rows[0]!;
  }

  async function rebuildStatus(): Promise<RebuildStatus> {
    const response = await getJson(`${views.url}/api/v1/admin/projections/portfolioViews/rebuild`);
    expect(response.status).toBe(200);
    return response.body as unknown as RebuildStatus;
  }

  it('answers every read with the log position it reflects and its lag', async () => {
    await register('ECAB-VI-01');
    const read = await getJson(`${views.url}/api/v1/projects/ECAB-VI-01?consistentWith=ECAB-VI-01:1`);
    expect(read.status).toBe(200);
    const { position } = await head();
    expect(read.headers.get('ecab-position')).toBe(position);
    expect(read.headers.get('ecab-lag-ms')).toBe('0');
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary`);
    expect(summary.headers.get('ecab-position')).toBe(position);
    // Not a read: no freshness headers.
    expect((await fetch(`${views.url}/health`)).headers.get('ecab-position')).toBeNull();
  });

  it('serves its OpenAPI document without a token', async () => {
    const response = await fetch(`${views.url}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/v1/projects/{id}']?.get?.operationId).toBe('ProjectProfile');
    expect(document.paths['/api/v1/admin/projections/{name}/rebuild']?.post?.operationId).toBe('RebuildProjection');
    const page = await fetch(`${views.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('rebuilds on demand in the background, answers its progress, and keeps following the log after the switch', async () => {
    expect((await fetch(`${views.url}/api/v1/admin/projections/portfolioViews/rebuild`, { method: 'POST' })).status).toBe(401);
    const unknown = await postJson(`${views.url}/api/v1/admin/projections/nothing/rebuild`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');

    await register('ECAB-VI-02', 'health');
    await getJson(`${views.url}/api/v1/projects/ECAB-VI-02?consistentWith=ECAB-VI-02:1`);
    const before = await getJson(`${views.url}/api/v1/portfolio/summary`);
    const { rows: liveBefore } = await db.query<{ schema: string }>(`select schema from views_generations where state = 'live'`);
    const { events } = await head();

    const started = await postJson(`${views.url}/api/v1/admin/projections/portfolioViews/rebuild`, {});
    expect(started.status).toBe(202);
    let status = await waitFor(
      async () => {
        const current = await rebuildStatus();
        return current.state === 'done' || current.state === 'failed' ? current : undefined;
      },
      { description: 'the rebuild to end', timeoutMs: 30_000 },
    );
    expect(status).toMatchObject({ state: 'done', done: events, total: events });
    expect(status.generation).not.toBe(liveBefore[0]!.schema);
    expect(status.finishedAt).not.toBeNull();

    const after = await getJson(`${views.url}/api/v1/portfolio/summary`);
    expect(after.body).toEqual(before.body);
    const metrics = await (await fetch(`${views.url}/metrics`)).text();
    expect(metrics).toContain(`ecab_projection_rebuild_events_done{projection="portfolioViews",service="portfolio-views"} ${events}\n`);
    expect(metrics).toContain(`ecab_projection_rebuild_events_total{projection="portfolioViews",service="portfolio-views"} ${events}\n`);
    expect(metrics).toContain('ecab_projection_rebuild_state{projection="portfolioViews",state="done",service="portfolio-views"} 1\n');

    // The live consumer writes to the new generation now.
    await register('ECAB-VI-03');
    const read = await getJson(`${views.url}/api/v1/projects/ECAB-VI-03?consistentWith=ECAB-VI-03:1`);
    expect(read.status).toBe(200);
    status = await rebuildStatus();
    const { rows } = await db.query<{ schema: string }>(`select schema from views_generations where state = 'live'`);
    expect(rows).toEqual([{ schema: status.generation }]);
  });

  it('at start-up, serves the generation of an older shape while it builds the new one, then follows the log', async () => {
    await views.stop();
    // As if the tables had been made by an older version of the code.
    await db.query(`update views_generations set shape = 'older-shape' where state = 'live'`);
    const { rows: old } = await db.query<{ schema: string }>(`select schema from views_generations where state = 'live'`);
    await register('ECAB-VI-04');
    views = await startApp('portfolio-views', VIEWS_ENV(database.url));
    const served = await getJson(`${views.url}/api/v1/projects/ECAB-VI-01`, authorization());
    expect(served.status).toBe(200);
    const status = await waitFor(
      async () => {
        const current = await rebuildStatus();
        return current.state === 'done' || current.state === 'failed' ? current : undefined;
      },
      { description: 'the start-up rebuild to end', timeoutMs: 30_000 },
    );
    expect(status.state).toBe('done');
    expect(status.generation).not.toBe(old[0]!.schema);
    const read = await getJson(`${views.url}/api/v1/projects/ECAB-VI-04?consistentWith=ECAB-VI-04:1`);
    expect(read.status).toBe(200);
    await register('ECAB-VI-05');
    expect((await getJson(`${views.url}/api/v1/projects/ECAB-VI-05?consistentWith=ECAB-VI-05:1`)).status).toBe(200);
    const { rows } = await db.query<{ schema: string; shape: string }>(`select schema, shape from views_generations where state = 'live'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.schema).toBe(status.generation);
    expect(rows[0]!.shape).not.toBe('older-shape');
    const { rows: schemas } = await db.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'views\\_%' order by nspname`);
    expect(schemas.map((s) => s.nspname)).toEqual([status.generation]);
  });
});
