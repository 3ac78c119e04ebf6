import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import net from 'node:net';
import pg from 'pg';
import { authorization, startApp, type AppProcess } from './platform-process.js';

/** A token whose header says whatever we like; the signature is junk, it must never get that far. */
function tokenWithHeader(header: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part({ sub: 'x', iss: 'urn:ecab:portfolio', aud: 'ecab-portfolio', exp: 4_000_000_000 })}.AAAA`;
}

/** Sends bytes as they are: fetch refuses the header values a hostile client can still put on the wire. */
function rawRequest(base: string, head: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(Buffer.from(`${head}\r\n`, 'latin1')));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => {
      const split = answer.indexOf('\r\n\r\n');
      resolve({ status: Number(answer.slice(9, 12)), headers: answer.slice(0, split), body: answer.slice(split + 4) });
    });
    socket.on('error', reject);
  });
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Values a hostile client puts in headers (issue 9 §2): a token whose `alg` holds any character, a
 * correlation id bound for a Kafka header, bytes Node cannot parse, a body that is not JSON. Each gets a
 * 4xx problem+json, never a 5xx, and nothing is stored.
 */
describe('hostile header values', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let api: AppProcess;
  let views: AppProcess;
  const project = { id: 'HDR-1', title: 'Header checks', cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] };

  beforeAll(async () => {
    database = await createTestDatabase('e2e_headers');
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

  /** A read that needs a token: the parked messages on the write side, the project list on the read side. */
  const guardedRead = (app: AppProcess) => (app === api ? '/api/v1/admin/parked-messages' : '/api/v1/projects');
  const storedEvents = async () => Number((await client.query<{ n: string }>('select count(*) as n from events')).rows[0]!.n);

  it('answers 401 problem+json, with a printable WWW-Authenticate, to a token whose header holds any character', async () => {
    const headers = [
      { alg: '\u4e2d\u6587', kid: 'k' },
      { alg: 'RS256\r\nX-Injected: 1', kid: 'k' },
      { alg: '\u0000', kid: 'k' },
      { alg: 'caf\u00e9'.repeat(500), kid: 'k' },
      { alg: { nested: ['\u{1f600}'] }, kid: 'k' },
      { alg: 'RS256', kid: '\u4e2d\u6587' },
      { alg: 'RS256', kid: 'k', crit: ['\u4e2d'] },
    ];
    for (const app of [api, views]) {
      for (const header of headers) {
        const response = await fetch(`${app.url}${guardedRead(app)}`, { headers: { authorization: `Bearer ${tokenWithHeader(header)}` } });
        const sent = JSON.stringify(header);
        expect({ sent, status: response.status }).toEqual({ sent, status: 401 });
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(response.headers.get('www-authenticate')).toMatch(PRINTABLE_ASCII);
        expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
        expect(await response.json()).toMatchObject({ status: 401, type: 'urn:problem:ecab:invalid-token' });
      }
    }
  });

  it('answers 401 problem+json to an Authorization header of Latin-1 bytes', async () => {
    for (const app of [api, views]) {
      const answer = await rawRequest(
        app.url,
        `GET ${guardedRead(app)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer caf\u00e9.\u00ff.\u00e9\r\n`,
      );
      expect(answer.status).toBe(401);
      expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
    }
  });

  it('refuses an X-Correlation-Id that may not travel in a Kafka header, and stores the events of a good one with it', async () => {
    const before = await storedEvents();
    for (const bad of ['two words', 'x'.repeat(201), '"quoted"\ttab']) {
      const response = await fetch(`${api.url}/api/v1/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': bad, ...authorization() },
        body: JSON.stringify(project),
      });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(await response.json())).toContain('X-Correlation-Id');
    }
    const body = JSON.stringify(project);
    const latin1 = await rawRequest(
      api.url,
      `POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Authorization: ${authorization().authorization}\r\nX-Correlation-Id: caf\u00e9\r\n\r\n${body}`,
    );
    expect(latin1.status).toBe(400);
    expect(latin1.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(await storedEvents()).toBe(before);

    const correlationId = `corr-${Date.now().toString(36)}`;
    const accepted = await fetch(`${api.url}/api/v1/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId, ...authorization() },
      body,
    });
    expect(accepted.status).toBe(201);
    const stored = await client.query<{ correlation: string }>(`select metadata->>'correlationId' as correlation from events where stream_id = $1`, [
      `project-${project.id}`,
    ]);
    expect(stored.rows.map((row) => row.correlation)).toEqual([correlationId]);
  });

  it('answers a header Node cannot parse (a control character) with a 400 problem, on every app', async () => {
    for (const app of [api, views]) {
      const answer = await rawRequest(app.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Correlation-Id: a\u0001b\r\n`);
      expect(answer.status).toBe(400);
      expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400 });
    }
  });

  it('answers 415 problem+json to a command whose body is not JSON or has no Content-Type, and stores nothing', async () => {
    const before = await storedEvents();
    const json = JSON.stringify({ ...project, id: 'HDR-415' });
    const requests: { what: string; headers: Record<string, string>; body: string | Blob }[] = [
      { what: 'no Content-Type', headers: {}, body: new Blob([json]) },
      { what: 'a form (curl -d)', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: json },
      { what: 'text', headers: { 'content-type': 'text/plain' }, body: json },
    ];
    for (const { what, headers, body } of requests) {
      const response = await fetch(`${api.url}/api/v1/projects`, { method: 'POST', headers: { ...headers, ...authorization() }, body });
      expect({ what, status: response.status }).toEqual({ what, status: 415 });
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 415, type: 'urn:problem:ecab:unsupported-media-type', instance: '/api/v1/projects' });
    }
    const token = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(token.status).toBe(415);
    expect(await storedEvents()).toBe(before);
  });

  it('sends the security headers and no X-Powered-By on every app and every kind of answer', async () => {
    for (const app of [api, views]) {
      for (const path of ['/health', '/metrics', '/api/asyncapi.json', '/api/docs/openapi.json', '/api/docs', guardedRead(app), '/no/such/route']) {
        const response = await fetch(`${app.url}${path}`);
        await response.arrayBuffer();
        const where = `${app.name} ${path} (${response.status})`;
        expect({ where, poweredBy: response.headers.get('x-powered-by') }).toEqual({ where, poweredBy: null });
        expect({ where, nosniff: response.headers.get('x-content-type-options') }).toEqual({ where, nosniff: 'nosniff' });
        for (const name of ['referrer-policy', 'content-security-policy', 'cross-origin-resource-policy', 'x-frame-options']) {
          expect({ where, name, present: response.headers.get(name) !== null }).toEqual({ where, name, present: true });
        }
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
    }
  });

  it('gives one title to every problem of a status, whichever layer answers', async () => {
    const title = async (url: string, init: RequestInit = {}) => (await (await fetch(url, init)).json()) as { status: number; title: string };
    const notFound = [
      await title(`${api.url}/no/such/route`),
      await title(`${views.url}/no/such/route`),
      await title(`${views.url}/api/v1/projects/NO-SUCH-PROJECT`, { headers: authorization() }),
    ];
    expect(notFound.map((p) => p.status)).toEqual([404, 404, 404]);
    expect(new Set(notFound.map((p) => p.title)).size).toBe(1);
    const unauthenticated = [
      await title(`${api.url}/api/v1/admin/parked-messages`),
      await title(`${api.url}/api/v1/admin/parked-messages`, { headers: { authorization: 'Bearer x.y.z' } }),
      await title(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong' }),
      }),
    ];
    expect(unauthenticated.map((p) => p.status)).toEqual([401, 401, 401]);
    expect(new Set(unauthenticated.map((p) => p.title)).size).toBe(1);
  });
});
