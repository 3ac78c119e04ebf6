import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfigFromEnv } from './auth-config.js';
import { IssuerKeysUnavailableError, RemoteJwks } from './signing-keys.js';
import { authDatabase } from './test-support/auth-database.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';
import { rsaKeyPair, signed } from './test-support/tokens.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';
import { UserStore } from './users/user-store.js';

const EXTERNAL = 'https://id.example.test/realms/ecab';
const external = rsaKeyPair();
const rotated = rsaKeyPair();
const stranger = rsaKeyPair();
const jwk = (key: typeof external.publicKey, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });

/** Stands in for the identity provider: serves its JWKS over real HTTP and counts the fetches. */
async function startIdentityProvider(): Promise<{ url: string; state: { keys: object[]; status: number; fetches: number }; server: Server }> {
  const state = { keys: [jwk(external.publicKey, 'ext-1')] as object[], status: 200, fetches: 0 };
  const server = createServer((request, response) => {
    if (request.url !== '/jwks') return void response.writeHead(404).end();
    state.fetches += 1;
    response.writeHead(state.status, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, state, server };
}

function externalToken(overrides: Record<string, unknown> = {}, key = external.privateKey, kid = 'ext-1'): string {
  const now = Math.floor(Date.now() / 1000);
  return signed(
    {
      iss: EXTERNAL,
      aud: 'ecab-portfolio',
      sub: 'okta|42',
      realm_access: { roles: ['program-manager'] },
      clusters: ['health'],
      iat: now,
      exp: now + 300,
      ...overrides,
    },
    key,
    kid,
  );
}

describe('trusting an external OIDC issuer', () => {
  let db: Awaited<ReturnType<typeof authDatabase>>;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let app: TestApp;
  let local: TokenIssuer;

  const get = (path: string, token: string, method = 'GET') => fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    db = await authDatabase('auth_oidc');
    idp = await startIdentityProvider();
    const config = authConfigFromEnv({ AUTH_OIDC_ISSUER: EXTERNAL, AUTH_JWKS_URL: idp.url, AUTH_OIDC_ROLES_CLAIM: 'realm_access.roles' });
    local = new TokenIssuer({ issuer: config.issuer, audience: config.audience, ttlSeconds: 600, warn: () => undefined });
    app = await startTestApp({ dataSource: db.dataSource, config, issuer: local });
    await new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 } }).create({ username: 'viewer', password: 'viewer password 1', roles: ['viewer'] });
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => idp?.server.close(resolve));
    await db?.close();
  });

  it("accepts tokens signed with the issuer's published key, with roles from the configured claim", async () => {
    const token = externalToken();
    expect((await get('/test/projects', token)).status).toBe(200);
    expect((await get('/test/clusters/health/commands', token, 'POST')).status).toBe(202);
    expect((await get('/test/clusters/transport/commands', token, 'POST')).status).toBe(403);
  });

  it('limits an external token without a clusters claim to no cluster (403), and grants every cluster only for clusters: ["*"]', async () => {
    const unscopedBySilence = externalToken({ clusters: undefined });
    expect((await get('/test/projects', unscopedBySilence)).status).toBe(200);
    for (const cluster of ['health', 'transport']) {
      const response = await get(`/test/clusters/${cluster}/commands`, unscopedBySilence, 'POST');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const unscoped = externalToken({ clusters: ['*'] });
    for (const cluster of ['health', 'transport']) expect((await get(`/test/clusters/${cluster}/commands`, unscoped, 'POST')).status).toBe(202);
  });

  it('still accepts local tokens next to the external ones (of an account of the users table)', async () => {
    expect((await get('/test/projects', local.issue({ sub: 'viewer', roles: ['viewer'], tokenEpoch: 0 }).accessToken)).status).toBe(200);
    expect((await get('/test/projects', local.issue({ sub: 'nobody', roles: ['viewer'], tokenEpoch: 0 }).accessToken)).status).toBe(401);
  });

  it('rejects tokens the external key did not sign, or that claim the wrong issuer for their key', async () => {
    const reasons: Array<[string, RegExp]> = [
      [externalToken({}, stranger.privateKey, 'ext-1'), /signature is invalid/],
      [externalToken({}, stranger.privateKey, 'stranger'), /unknown key/],
      [externalToken({ iss: local.issuer, aud: local.audience }), /unknown key/],
      [
        signed(
          { ...JSON.parse(Buffer.from(local.issue({ sub: 'x', roles: ['admin'] }).accessToken.split('.')[1]!, 'base64url').toString()), iss: EXTERNAL },
          stranger.privateKey,
          local.keyId,
        ),
        /unknown key/,
      ],
      [externalToken({ aud: 'someone-else' }), /not meant for this service/],
      [externalToken({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ];
    for (const [token, reason] of reasons) {
      const response = await get('/test/projects', token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toMatch(reason);
    }
  });

  it('does not let a flood of unknown kids hammer the issuer', async () => {
    const before = idp.state.fetches;
    await Promise.all(Array.from({ length: 25 }, (_, i) => get('/test/projects', externalToken({}, stranger.privateKey, `forged-${i}`))));
    expect(idp.state.fetches - before).toBeLessThanOrEqual(1);
  });

  it('picks up a rotated key on an unknown kid, and answers 503 when the keys cannot be fetched', async () => {
    const jwks = new RemoteJwks({ url: idp.url, minRefreshIntervalMs: 0 });
    const verifier = new TokenVerifier([{ issuer: EXTERNAL, audience: 'ecab-portfolio', keys: jwks, rolesClaim: 'realm_access.roles' }]);
    await expect(verifier.verify(externalToken())).resolves.toMatchObject({ subject: 'okta|42', roles: ['program-manager'], clusters: ['health'] });

    idp.state.keys = [jwk(rotated.publicKey, 'ext-2')];
    await expect(verifier.verify(externalToken({}, rotated.privateKey, 'ext-2'))).resolves.toMatchObject({ subject: 'okta|42' });

    idp.state.status = 500;
    const cold = new TokenVerifier([{ issuer: EXTERNAL, audience: 'ecab-portfolio', keys: new RemoteJwks({ url: idp.url }) }]);
    await expect(cold.verify(externalToken({}, rotated.privateKey, 'ext-2'))).rejects.toThrow(IssuerKeysUnavailableError);

    const config = authConfigFromEnv({ AUTH_LOCAL_TOKENS: 'false', AUTH_OIDC_ISSUER: EXTERNAL, AUTH_JWKS_URL: idp.url });
    const coldApp = await startTestApp({ dataSource: db.dataSource, config });
    try {
      const response = await fetch(`${coldApp.url}/test/projects`, { headers: { authorization: `Bearer ${externalToken({}, rotated.privateKey, 'ext-2')}` } });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('30');
      // Without local tokens there is no password login and no local JWKS.
      expect((await fetch(`${coldApp.url}/api/v1/auth/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await coldApp.close();
      idp.state.status = 200;
    }
  });
});
