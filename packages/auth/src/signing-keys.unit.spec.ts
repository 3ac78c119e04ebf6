import { generateKeyPairSync } from 'node:crypto';
import { IssuerKeysUnavailableError, parseJwks, RemoteJwks } from './signing-keys.js';
import { rsaKeyPair } from './test-support/tokens.js';

const first = rsaKeyPair().publicKey;
const second = rsaKeyPair().publicKey;
const jwk = (key: typeof first, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });

/** A JWKS endpoint whose content and availability the test controls; counts the fetches. */
function issuerEndpoint(initial: object[]) {
  const state = { keys: initial, up: true, fetches: 0 };
  const fetchJwks = (async () => {
    state.fetches += 1;
    if (!state.up) throw new Error('connect ECONNREFUSED');
    return new Response(JSON.stringify({ keys: state.keys }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { state, fetchJwks };
}

describe('RemoteJwks', () => {
  it('fetches once, then refreshes on an unknown kid at most once per interval', async () => {
    let now = 0;
    const { state, fetchJwks } = issuerEndpoint([jwk(first, 'k1')]);
    const jwks = new RemoteJwks({ url: 'https://issuer.example/jwks', warn: () => undefined, fetch: fetchJwks, now: () => now, minRefreshIntervalMs: 30_000 });

    expect(await jwks.keyFor('k1')).toBeDefined();
    for (let i = 0; i < 20; i++) expect(await jwks.keyFor(`forged-${i}`)).toBeUndefined();
    expect(state.fetches).toBe(1);

    state.keys = [jwk(first, 'k1'), jwk(second, 'k2')]; // the issuer rotates
    now = 31_000;
    expect(await jwks.keyFor('k2')).toBeDefined();
    expect(state.fetches).toBe(2);
  });

  it('shares one fetch between concurrent lookups', async () => {
    const { state, fetchJwks } = issuerEndpoint([jwk(first, 'k1')]);
    const jwks = new RemoteJwks({ url: 'https://issuer.example/jwks', fetch: fetchJwks });
    await Promise.all(Array.from({ length: 10 }, () => jwks.keyFor('k1')));
    expect(state.fetches).toBe(1);
  });

  it('keeps cached keys through a short outage, then drops them', async () => {
    let now = 0;
    const { state, fetchJwks } = issuerEndpoint([jwk(first, 'k1')]);
    const jwks = new RemoteJwks({
      url: 'https://issuer.example/jwks',
      warn: () => undefined,
      fetch: fetchJwks,
      now: () => now,
      maxAgeMs: 60_000,
      maxStaleMs: 60_000,
    });
    await jwks.keyFor('k1');
    state.up = false;
    now = 90_000;
    expect(await jwks.keyFor('k1')).toBeDefined();
    now = 130_000;
    await expect(jwks.keyFor('k1')).rejects.toThrow(IssuerKeysUnavailableError);
  });

  it('says the keys are unavailable when the first fetch fails', async () => {
    const { state, fetchJwks } = issuerEndpoint([]);
    state.up = false;
    await expect(new RemoteJwks({ url: 'https://issuer.example/jwks', fetch: fetchJwks }).keyFor('k1')).rejects.toThrow(IssuerKeysUnavailableError);
  });

  it('refuses a plain-http JWKS URL except on loopback', () => {
    expect(() => new RemoteJwks({ url: 'http://issuer.example/jwks' })).toThrow(/https/);
    // Only when told so (AUTH_JWKS_ALLOW_HTTP), for services on a private network.
    expect(() => new RemoteJwks({ url: 'http://portfolio-api:3001/.well-known/jwks.json', allowHttp: true })).not.toThrow();
    expect(() => new RemoteJwks({ url: 'ftp://issuer.example/jwks', allowHttp: true })).toThrow(/https/);
    expect(() => new RemoteJwks({ url: 'http://127.0.0.1:8080/jwks' })).not.toThrow();
  });
});

describe('parseJwks', () => {
  it('keeps only RSA signing keys fit for RS256', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const keys = parseJwks({
      keys: [
        jwk(first, 'good'),
        { ...ec, kid: 'ec' },
        { ...small, kid: 'small' },
        { ...jwk(second, 'enc'), use: 'enc' },
        { ...jwk(second, 'ps'), alg: 'PS256' },
        { kty: 'RSA', kid: 'broken', n: 'x', e: 'AQAB' },
      ],
    });
    expect([...keys.keys()]).toEqual(['good']);
    expect(() => parseJwks({})).toThrow(/no keys array/);
  });
});
