import { authConfigFromEnv } from './auth-config.js';
import { authDatabase } from './test-support/auth-database.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';
import { forged, claims } from './test-support/tokens.js';
import { TokenIssuer } from './token-issuer.js';
import { UserStore } from './users/user-store.js';

type Who = 'anonymous' | 'admin' | 'pm-transport' | 'pm-all' | 'viewer';
type Route =
  | 'GET /test/public'
  | 'GET /health'
  | 'GET /test/projects'
  | 'POST /test/clusters/transport/commands'
  | 'POST /test/clusters/health/commands'
  | 'POST /test/undecorated';

// The README's policy table, checked over HTTP.
const expected: Record<Who, Record<Route, number>> = {
  anonymous: {
    'GET /test/public': 200,
    'GET /health': 200,
    'GET /test/projects': 401,
    'POST /test/clusters/transport/commands': 401,
    'POST /test/clusters/health/commands': 401,
    'POST /test/undecorated': 401,
  },
  admin: {
    'GET /test/public': 200,
    'GET /health': 200,
    'GET /test/projects': 200,
    'POST /test/clusters/transport/commands': 202,
    'POST /test/clusters/health/commands': 202,
    'POST /test/undecorated': 202,
  },
  'pm-transport': {
    'GET /test/public': 200,
    'GET /health': 200,
    'GET /test/projects': 200,
    'POST /test/clusters/transport/commands': 202,
    'POST /test/clusters/health/commands': 403,
    'POST /test/undecorated': 403,
  },
  'pm-all': {
    'GET /test/public': 200,
    'GET /health': 200,
    'GET /test/projects': 200,
    'POST /test/clusters/transport/commands': 202,
    'POST /test/clusters/health/commands': 202,
    'POST /test/undecorated': 403,
  },
  viewer: {
    'GET /test/public': 200,
    'GET /health': 200,
    'GET /test/projects': 200,
    'POST /test/clusters/transport/commands': 403,
    'POST /test/clusters/health/commands': 403,
    'POST /test/undecorated': 403,
  },
};

const passwords: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin password 123',
  'pm-transport': 'transport password',
  'pm-all': 'all clusters password',
  viewer: 'viewer password 123',
};

describe('auth over HTTP', () => {
  let db: Awaited<ReturnType<typeof authDatabase>>;
  let app: TestApp;
  let issuer: TokenIssuer;
  const tokens = new Map<Who, string>();

  async function call(route: string, token?: string, body?: unknown): Promise<Response> {
    const [method, path] = route.split(' ') as [string, string];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`${app.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  }

  beforeAll(async () => {
    db = await authDatabase('auth_http');
    const users = new UserStore(db.dataSource);
    await users.create({ username: 'admin', password: passwords.admin, roles: ['admin'] });
    await users.create({ username: 'pm-transport', password: passwords['pm-transport'], roles: ['program-manager'], clusters: ['transport'] });
    await users.create({ username: 'pm-all', password: passwords['pm-all'], roles: ['program-manager'] });
    await users.create({ username: 'viewer', password: passwords.viewer, roles: ['viewer'] });
    const config = authConfigFromEnv({});
    issuer = new TokenIssuer({ issuer: config.issuer, audience: config.audience, ttlSeconds: 600, warn: () => undefined });
    app = await startTestApp({ dataSource: db.dataSource, config, issuer });
    for (const [who, password] of Object.entries(passwords)) {
      const response = await call('POST /api/v1/auth/token', undefined, { username: who, password });
      expect(response.status).toBe(200);
      tokens.set(who as Who, ((await response.json()) as { access_token: string }).access_token);
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const cases = Object.entries(expected).flatMap(([who, routes]) =>
    Object.entries(routes).map(([route, status]) => [who as Who, route as Route, status] as const),
  );

  it.each(cases)('%s → %s answers %i', async (who, route, status) => {
    const response = await call(route, tokens.get(who), route.startsWith('POST') ? {} : undefined);
    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({ status, instance: route.split(' ')[1] });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ecab"/);
    }
  });

  it('issues a bearer token with OAuth-style fields and no caching', async () => {
    const response = await call('POST /api/v1/auth/token', undefined, { username: 'viewer', password: passwords.viewer });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 600 });
  });

  it('answers a wrong password and an unknown user with the same 401 problem', async () => {
    const wrong = await call('POST /api/v1/auth/token', undefined, { username: 'admin', password: 'not the password' });
    const unknown = await call('POST /api/v1/auth/token', undefined, { username: 'mallory', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    const [wrongBody, unknownBody] = [await wrong.json(), await unknown.json()];
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody).toMatchObject({ type: 'urn:problem:ecab:invalid-credentials', detail: 'The username or password is wrong.' });
  });

  it('answers a malformed token request with 400 listing the fields', async () => {
    const response = await call('POST /api/v1/auth/token', undefined, { username: 'admin' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ pointer: '/password' }] });
  });

  it('tells why a token is refused, in a 401 problem', async () => {
    const tampered = `${tokens.get('viewer')!.slice(0, -4)}AAAA`;
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /Send a bearer token/],
      [tampered, /signature is invalid/],
      [forged({ alg: 'none', kid: issuer.keyId }, claims({ iss: issuer.issuer, aud: issuer.audience, roles: ['admin'] })), /only RS256/],
    ];
    for (const [token, reason] of cases) {
      const response = await call('GET /test/projects', token);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toMatch(reason);
    }
    const basic = await fetch(`${app.url}/test/projects`, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('says which cluster a manager may not touch, and passes the principal to the handler', async () => {
    const denied = await call('POST /test/clusters/health/commands', tokens.get('pm-transport'));
    expect(await denied.json()).toMatchObject({ type: 'urn:problem:ecab:forbidden', detail: 'You may not change projects of the health cluster.' });
    const allowed = await call('POST /test/clusters/transport/commands', tokens.get('pm-transport'));
    expect(await allowed.json()).toEqual({ actor: 'pm-transport' });
  });

  it('serves a JWKS that verifies the tokens it issued', async () => {
    const response = await fetch(`${app.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Array<{ kid: string; d?: unknown }> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.kid).toBe(issuer.keyId);
    expect(jwks.keys[0]?.d).toBeUndefined();
  });
});
