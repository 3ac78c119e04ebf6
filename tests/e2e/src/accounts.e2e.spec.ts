import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { ADMIN, authorization, startApp, tokenFor, type AppProcess } from './platform-process.js';

/** Small limits, so the bursts below stay short; the expected answers are computed from them. */
const FREE_PER_USER = 3;
const FREE_PER_IP = 8;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/**
 * Accounts on the real apps: users made through the account API (never a database insert), the tokens of
 * a disabled or changed account refused by both services, the audit visible to admins, and the token
 * endpoint's limits against bursts of guesses.
 */
describe('accounts and the token endpoint', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let views: AppProcess;
  /** Failed sign-ins this suite has sent from this address: the address's limit counts them all. */
  let failedHere = 0;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_accounts');
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: undefined };
    api = await startApp('portfolio-api', { ...env, AUTH_SIGNIN_FAILURES_PER_USER: String(FREE_PER_USER), AUTH_SIGNIN_FAILURES_PER_IP: String(FREE_PER_IP) });
    views = await startApp('portfolio-views', env);
  });

  afterAll(async () => {
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  async function call(method: string, url: string, options: { token?: string | undefined; body?: unknown } = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
    const response = await fetch(url, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const admin = (): string => authorization().authorization!.replace('Bearer ', '');
  const users = (path = ''): string => `${api.url}/api/v1/admin/users${path}`;

  async function signIn(username: string, password: string): Promise<Answer> {
    const answer = await call('POST', `${api.url}/api/v1/auth/token`, { body: { username, password } });
    if (answer.status === 401) failedHere++;
    return answer;
  }

  it('creates a program manager through the API, who signs in and acts within its clusters', async () => {
    const created = await call('POST', users(), { token: admin(), body: { username: 'pm.transport', roles: ['program-manager'], clusters: ['transport'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'pm.transport', roles: ['program-manager'], clusters: ['transport'], disabled: false });
    const token = await tokenFor(api.url, 'pm.transport', created.body.password as string);
    const project = (id: string, cluster: string) => ({ id, title: `Project ${id}`, cluster, countries: [{ code: 'KG', percentage: 100 }] });
    expect((await call('POST', `${api.url}/api/v1/projects`, { token, body: project('ACC-TR', 'transport') })).status).toBe(201);
    expect((await call('POST', `${api.url}/api/v1/projects`, { token, body: project('ACC-HE', 'health') })).status).toBe(403);
    expect((await call('GET', `${views.url}/api/v1/portfolio/summary`, { token })).status).toBe(200);
    const listed = await call('GET', users(), { token: admin() });
    expect((listed.body.items as { username: string }[]).map((user) => user.username)).toEqual([ADMIN.username, 'pm.transport'].sort());
  });

  it('refuses every bad field in one problem+json and creates nothing; only admins manage accounts', async () => {
    const before = ((await call('GET', users(), { token: admin() })).body.items as unknown[]).length;
    const body = { username: '../etc', roles: ['superuser'], clusters: ['ORG-77'], password: 'short', isAdmin: true };
    const answer = await call('POST', users(), { token: admin(), body });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const expected = Object.entries(body)
      .map(([field, value]) => (Array.isArray(value) ? `/${field}/0` : `/${field}`))
      .sort();
    expect((answer.body.errors as { pointer: string }[]).map((error) => error.pointer).sort()).toEqual(expected);
    expect(((await call('GET', users(), { token: admin() })).body.items as unknown[]).length).toBe(before);
    const viewerPassword = 'viewer password 123';
    await call('POST', users(), { token: admin(), body: { username: 'viewer', roles: ['viewer'], password: viewerPassword } });
    const viewer = await tokenFor(api.url, 'viewer', viewerPassword);
    expect((await call('GET', users(), { token: viewer })).status).toBe(403);
    expect((await call('POST', users('/viewer/disable'), { token: viewer })).status).toBe(403);
  });

  it('refuses a disabled user a token, and both services refuse the tokens it had', async () => {
    const password = 'leaving user password';
    await call('POST', users(), { token: admin(), body: { username: 'leaver', roles: ['viewer'], password } });
    const token = await tokenFor(api.url, 'leaver', password);
    expect((await call('GET', `${views.url}/api/v1/portfolio/summary`, { token })).status).toBe(200);
    expect((await call('POST', users('/leaver/disable'), { token: admin(), body: { reason: 'left the programme' } })).body).toMatchObject({ disabled: true });
    // The instance that disabled the account refuses the token at once.
    const api401 = await call('GET', `${api.url}/api/v1/admin/parked-messages`, { token });
    expect([api401.status, api401.body.detail]).toEqual([401, 'The account is disabled.']);
    // Another service trusted the account it had just found current for up to AUTH_ACCOUNT_RECHECK_MS (1 s by
    // default): it may still answer until then, and refuses from then on.
    const summary = `${views.url}/api/v1/portfolio/summary`;
    const answers: number[] = [];
    const giveUpAt = Date.now() + 10_000;
    for (;;) {
      const answer = await call('GET', summary, { token });
      answers.push(answer.status);
      if (answer.status === 401) {
        expect(answer.body.detail).toBe('The account is disabled.');
        break;
      }
      if (Date.now() > giveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answers.at(-1)).toBe(401);
    expect(answers.filter((status) => status !== 200 && status !== 401)).toEqual([]);
    expect((await call('GET', summary, { token })).status).toBe(401);
    expect((await signIn('leaver', password)).status).toBe(401);
  });

  it('ends the tokens issued before a password change, at both services', async () => {
    const first = 'first password here';
    const second = 'second password here';
    await call('POST', users(), { token: admin(), body: { username: 'changer', roles: ['viewer'], password: first } });
    const before = await tokenFor(api.url, 'changer', first);
    expect((await call('POST', `${api.url}/api/v1/me/password`, { token: before, body: { currentPassword: first, newPassword: second } })).status).toBe(204);
    expect((await call('GET', `${views.url}/api/v1/portfolio/summary`, { token: before })).status).toBe(401);
    const after = await tokenFor(api.url, 'changer', second);
    expect((await call('GET', `${views.url}/api/v1/portfolio/summary`, { token: after })).status).toBe(200);
  });

  it('shows admins who did what to an account', async () => {
    const audit = await call('GET', users('/leaver/audit'), { token: admin() });
    expect(audit.status).toBe(200);
    expect(
      (audit.body.items as { action: string; actor: string; details: unknown }[]).map(({ action, actor, details }) => ({ action, actor, details })),
    ).toEqual([
      { action: 'created', actor: ADMIN.username, details: { roles: ['viewer'], clusters: null } },
      { action: 'disabled', actor: ADMIN.username, details: { reason: 'left the programme' } },
    ]);
    const own = await call('GET', users('/changer/audit'), { token: admin() });
    expect((own.body.items as { action: string; actor: string }[]).map(({ action, actor }) => `${action} by ${actor}`)).toEqual([
      `created by ${ADMIN.username}`,
      'password-changed by changer',
    ]);
  });

  it('answers a burst of guesses at one user with 429 + Retry-After once its free failures are spent', async () => {
    const password = 'target password 123';
    await call('POST', users(), { token: admin(), body: { username: 'target', roles: ['viewer'], password } });
    const burst = 12;
    const answers = await Promise.all(Array.from({ length: burst }, (_, i) => signIn('target', `guess number ${i}`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(FREE_PER_USER).fill(401), ...Array(burst - FREE_PER_USER).fill(429)]);
    for (const limited of answers.filter((answer) => answer.status === 429)) {
      expect(limited.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.body).toMatchObject({ status: 429, retryAfter: Number(limited.headers.get('retry-after')) });
    }
    // The right password waits too, until Retry-After has passed.
    expect((await signIn('target', password)).status).toBe(429);
  });

  it('limits one address across user names: past its free failures even a right password waits', async () => {
    const left = FREE_PER_IP - failedHere;
    expect(left).toBeGreaterThan(0);
    const burst = left + 5;
    const answers = await Promise.all(Array.from({ length: burst }, (_, i) => signIn(`someone-${i}`, 'any password at all')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(left).fill(401), ...Array(burst - left).fill(429)]);
    expect(answers.find((answer) => answer.status === 429)?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const refused = await call('POST', `${api.url}/api/v1/auth/token`, { body: { username: ADMIN.username, password: ADMIN.password } });
    expect(refused.status).toBe(429);
  });
});
