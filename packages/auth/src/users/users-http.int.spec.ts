import { authConfigFromEnv } from '../auth-config.js';
import { authDatabase } from '../test-support/auth-database.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { TokenIssuer } from '../token-issuer.js';
import { UserStore } from './user-store.js';

const ADMIN = { username: 'admin', password: 'admin password 123' };
const LIMITS = { AUTH_SIGNIN_FAILURES_PER_USER: '3', AUTH_SIGNIN_FAILURES_PER_IP: '50' };

/** The account endpoints over HTTP, on the test app wired like portfolio-api. */
describe('accounts over HTTP', () => {
  let db: Awaited<ReturnType<typeof authDatabase>>;
  let app: TestApp;
  let adminToken: string;

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${app.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function signIn(username: string, password: string): Promise<{ status: number; token?: string; headers: Headers; body: Record<string, unknown> }> {
    const answer = await call('POST', '/api/v1/auth/token', { body: { username, password } });
    return { ...answer, ...(answer.status === 200 ? { token: answer.body.access_token as string } : {}) };
  }

  async function userCount(): Promise<number> {
    const [row] = await db.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users');
    return row!.n;
  }

  beforeAll(async () => {
    db = await authDatabase('auth_accounts_http');
    await new UserStore(db.dataSource).create({ ...ADMIN, roles: ['admin'] });
    const config = authConfigFromEnv(LIMITS);
    const issuer = new TokenIssuer({ issuer: config.issuer, audience: config.audience, ttlSeconds: 600, warn: () => undefined });
    app = await startTestApp({ dataSource: db.dataSource, config, issuer, clusters: ['transport', 'health'] });
    adminToken = (await signIn(ADMIN.username, ADMIN.password)).token!;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('creates a user with a password made once, who can sign in with it; only admins manage users', async () => {
    const created = await call('POST', '/api/v1/admin/users', {
      token: adminToken,
      body: { username: 'PM.One', roles: ['program-manager'], clusters: ['transport'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toEqual({
      username: 'pm.one',
      roles: ['program-manager'],
      clusters: ['transport'],
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
    });
    const { token } = await signIn('pm.one', created.body.password as string);
    expect((await call('GET', '/test/projects', { token })).status).toBe(200);
    // Never shown again.
    const read = await call('GET', '/api/v1/admin/users/pm.one', { token: adminToken });
    expect(read.body).toEqual({ ...created.body, password: undefined });
    expect((await call('GET', '/api/v1/admin/users', { token })).status).toBe(403);
    expect((await call('POST', '/api/v1/admin/users', { token, body: { username: 'x', roles: ['admin'] } })).status).toBe(403);
    expect((await call('GET', '/api/v1/admin/users')).status).toBe(401);
    const list = await call('GET', '/api/v1/admin/users', { token: adminToken });
    expect((list.body.items as { username: string }[]).map((user) => user.username)).toEqual(['admin', 'pm.one']);
  });

  it('answers every bad field in one 400 problem and creates nothing', async () => {
    const before = await userCount();
    const body = { username: ' bad name!', roles: ['root'], clusters: ['mars'], password: 'short', extra: 1 };
    const answer = await call('POST', '/api/v1/admin/users', { token: adminToken, body });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const pointers = (answer.body.errors as { pointer: string }[]).map((error) => error.pointer).sort();
    expect(pointers).toEqual(
      Object.keys(body)
        .map((key) => (key === 'roles' || key === 'clusters' ? `/${key}/0` : `/${key}`))
        .sort(),
    );
    for (const [path, payload] of [
      ['/api/v1/admin/users/pm.one', { clusters: ['mars'] }],
      ['/api/v1/admin/users/pm.one', {}],
      ['/api/v1/admin/users/pm.one/password', { password: 'x' }],
      ['/api/v1/admin/users/pm.one/disable', { reason: 'a\u0000b' }],
    ] as const) {
      const method = path.endsWith('pm.one') ? 'PATCH' : 'POST';
      const refused = await call(method, path, { token: adminToken, body: payload });
      expect([path, refused.status, refused.headers.get('content-type')]).toEqual([path, 400, 'application/problem+json']);
    }
    expect((await call('GET', '/api/v1/admin/users/NOT%20A%20NAME', { token: adminToken })).body).toMatchObject({
      status: 400,
      errors: [{ pointer: '/username' }],
    });
    expect(await userCount()).toBe(before);
    expect((await call('GET', '/api/v1/admin/users/pm.one/audit', { token: adminToken })).body.items).toHaveLength(1);
  });

  it('answers 404 for an unknown user, 409 for a taken name, 422 for taking the last admin away', async () => {
    expect((await call('GET', '/api/v1/admin/users/nobody', { token: adminToken })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/users/nobody/disable', { token: adminToken })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'ADMIN', roles: ['viewer'] } })).status).toBe(409);
    const lastAdmin = await call('POST', '/api/v1/admin/users/admin/disable', { token: adminToken });
    expect(lastAdmin).toMatchObject({ status: 422, body: { code: 'LAST_ADMIN' } });
    expect((await call('GET', '/test/projects', { token: adminToken })).status).toBe(200);
  });

  it('refuses a disabled user a token and every token it had; enabling needs a new token', async () => {
    const password = 'viewer password 12';
    await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'vi', roles: ['viewer'], password } });
    const { token: before } = await signIn('vi', password);
    expect((await call('POST', '/api/v1/admin/users/vi/disable', { token: adminToken, body: { reason: 'left' } })).body).toMatchObject({ disabled: true });
    const refused = await call('GET', '/test/projects', { token: before });
    expect(refused).toMatchObject({ status: 401, body: { detail: 'The account is disabled.' } });
    expect((await signIn('vi', password)).status).toBe(401);
    await call('POST', '/api/v1/admin/users/vi/enable', { token: adminToken });
    expect((await call('GET', '/test/projects', { token: before })).body).toMatchObject({ status: 401, detail: expect.stringContaining('get a new token') });
    const { token: after } = await signIn('vi', password);
    expect((await call('GET', '/test/projects', { token: after })).status).toBe(200);
  });

  it('applies new roles and clusters at once: the tokens issued before are refused', async () => {
    const password = 'manager password 1';
    await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'pm.two', roles: ['program-manager'], password } });
    const { token: before } = await signIn('pm.two', password);
    expect((await call('POST', '/test/clusters/health/commands', { token: before })).status).toBe(202);
    const changed = await call('PATCH', '/api/v1/admin/users/pm.two', { token: adminToken, body: { clusters: ['transport'] } });
    expect(changed.body).toMatchObject({ roles: ['program-manager'], clusters: ['transport'] });
    expect((await call('POST', '/test/clusters/health/commands', { token: before })).status).toBe(401);
    const { token: after } = await signIn('pm.two', password);
    expect((await call('POST', '/test/clusters/health/commands', { token: after })).status).toBe(403);
    expect((await call('POST', '/test/clusters/transport/commands', { token: after })).status).toBe(202);
  });

  it('lets a user change its own password with the current one, ending its tokens; an admin reset makes one', async () => {
    const first = 'first password 123';
    await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'self', roles: ['viewer'], password: first } });
    const { token } = await signIn('self', first);
    const wrong = await call('POST', '/api/v1/me/password', { token, body: { currentPassword: 'not it at all', newPassword: 'second password 12' } });
    expect(wrong).toMatchObject({ status: 400, body: { errors: [{ pointer: '/currentPassword' }] } });
    expect((await call('POST', '/api/v1/me/password', { token, body: { currentPassword: first, newPassword: 'short' } })).body).toMatchObject({
      errors: [{ pointer: '/newPassword' }],
    });
    expect((await call('POST', '/api/v1/me/password', { token, body: { currentPassword: first, newPassword: 'second password 12' } })).status).toBe(204);
    expect((await call('GET', '/test/projects', { token })).status).toBe(401);
    expect((await signIn('self', first)).status).toBe(401);
    expect((await signIn('self', 'second password 12')).status).toBe(200);
    const reset = await call('POST', '/api/v1/admin/users/self/password', { token: adminToken });
    expect(reset.body.password).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{24}$/));
    expect((await signIn('self', reset.body.password as string)).status).toBe(200);
    const audit = await call('GET', '/api/v1/admin/users/self/audit', { token: adminToken });
    expect((audit.body.items as { action: string; actor: string }[]).map(({ action, actor }) => `${action} by ${actor}`)).toEqual([
      'created by admin',
      'password-changed by self',
      'password-reset by admin',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('password 12');
  });

  it('answers a burst of wrong guesses for one user with 429 and Retry-After past the free failures, before any scrypt', async () => {
    await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'target', roles: ['viewer'], password: 'target password 1' } });
    const burst = 10;
    const free = Number(LIMITS.AUTH_SIGNIN_FAILURES_PER_USER);
    const answers = await Promise.all(Array.from({ length: burst }, (_, i) => signIn('Target', `wrong guess ${i}`)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(free).fill(401), ...Array(burst - free).fill(429)]);
    for (const limited of answers.filter((answer) => answer.status === 429)) {
      expect(limited.headers.get('content-type')).toBe('application/problem+json');
      expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(limited.body).toMatchObject({ status: 429, retryAfter: Number(limited.headers.get('retry-after')) });
    }
    // Even the right password waits; after the wait it signs in and the count starts over.
    const waiting = await signIn('target', 'target password 1');
    expect(waiting.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(waiting.headers.get('retry-after')) * 1000));
    expect((await signIn('target', 'target password 1')).status).toBe(200);
    expect((await signIn('target', 'wrong again!')).status).toBe(401);
  });
});
