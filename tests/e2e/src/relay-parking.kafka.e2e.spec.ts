import type { TestDatabase } from '@ecab/testing';
import pg from 'pg';
import { authorization, getJson, postJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * An event an older portfolio-api cannot publish (a newer build wrote it: no contract here) is parked by the
 * relay with its project; other projects keep flowing to portfolio-views; an admin sees it at
 * portfolio-api's /api/v1/admin/parked-messages, skips it (recorded with who) and retries the project in order.
 */
describe('the relay parks an event it has no contract for, with its project, and an admin gets it going again', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;

  beforeAll(async () => {
    platform = await startKafkaPlatform('relay-parking');
    ({ database, api, views } = platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const register = (id: string) =>
    postJson(`${api.url}/api/v1/projects`, { id, title: `Project ${id}`, cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] });
  const retitle = async (id: string, en: string) => {
    const response = await fetch(`${api.url}/api/v1/projects/${id}/titles`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify({ titles: { en } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  async function insertFromNewerBuild(projectId: string): Promise<string> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ event_id: string }>(
        `insert into events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
         values ($1, 1, gen_random_uuid(), 'ProjectTeleported', 1, $2, $3) returning event_id`,
        [`teleport-${projectId}`, JSON.stringify({ projectId }), JSON.stringify({ subject: projectId, cluster: 'transport' })],
      );
      return rows[0]!.event_id;
    } finally {
      await client.end();
    }
  }

  it('keeps B flowing while A waits, shows A parked at portfolio-api, and after a recorded skip publishes A in order', async () => {
    expect((await register('ECAB-TR-A')).status).toBe(201);
    expect((await register('ECAB-TR-B')).status).toBe(201);
    const unknown = await insertFromNewerBuild('ECAB-TR-A');
    expect((await retitle('ECAB-TR-A', 'A, retitled')).status).toBe(200);
    expect((await retitle('ECAB-TR-B', 'B, retitled')).status).toBe(200);

    const b = await getJson(`${views.url}/api/v1/projects/ECAB-TR-B?consistentWith=ECAB-TR-B:2`);
    expect(b.body).toMatchObject({ version: 2, titles: { en: 'B, retitled' } });
    const parked = await waitForJson(`${api.url}/api/v1/admin/parked-messages?project=ECAB-TR-A`, (body) => body['count'] === 2);
    expect(parked).toMatchObject({
      consumer: 'relay:kafka',
      messages: [
        { project: 'ECAB-TR-A', eventId: unknown, type: 'ProjectTeleported v1', error: expect.stringMatching(/unknown event type ProjectTeleported v1/) },
        { project: 'ECAB-TR-A', type: 'ProjectTitlesSet v1', streamVersion: 2, error: expect.stringMatching(/waiting behind/) },
      ],
    });
    expect((await getJson(`${views.url}/api/v1/projects/ECAB-TR-A`)).body).toMatchObject({ version: 1 });
    expect(await (await fetch(`${api.url}/metrics`)).text()).toMatch(/^ecab_parked_messages\{consumer="relay:kafka",service="portfolio-api"\} 2$/m);

    // Not an admin: no.
    expect((await getJson(`${api.url}/api/v1/admin/parked-messages`, {})).status).toBe(401);

    const [head] = parked['messages'] as { id: string }[];
    const skip = await fetch(`${api.url}/api/v1/admin/parked-messages/${head!.id}?reason=${encodeURIComponent('written by a newer build; nobody reads it')}`, {
      method: 'DELETE',
      headers: authorization(),
    });
    expect(skip.status).toBe(204);
    const skipped = await getJson(`${api.url}/api/v1/admin/parked-messages/skipped?project=ECAB-TR-A`);
    expect(skipped.body).toMatchObject({
      items: [{ eventId: unknown, skippedBy: expect.stringMatching(/\|test-admin$/), reason: 'written by a newer build; nobody reads it' }],
    });

    const retry = await postJson(`${api.url}/api/v1/admin/parked-messages/ECAB-TR-A/retry`, {});
    expect(retry).toMatchObject({ status: 200, body: { subject: 'ECAB-TR-A', applied: 1, remaining: 0 } });
    const a = await getJson(`${views.url}/api/v1/projects/ECAB-TR-A?consistentWith=ECAB-TR-A:2`);
    expect(a.body).toMatchObject({ version: 2, titles: { en: 'A, retitled' } });
    // And A is not held back any more.
    expect((await retitle('ECAB-TR-A', 'A, again')).status).toBe(200);
    expect((await getJson(`${views.url}/api/v1/projects/ECAB-TR-A?consistentWith=ECAB-TR-A:3`)).body).toMatchObject({ version: 3, titles: { en: 'A, again' } });
    expect((await postJson(`${api.url}/api/v1/admin/parked-messages/ECAB-TR-A/retry`, {})).status).toBe(404);
  });
});

async function waitForJson(url: string, done: (body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 50; attempt++) {
    body = (await getJson(url)).body;
    if (done(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never got there: ${JSON.stringify(body)}`);
}
