import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt } from './jwt.js';
import { parseJwks } from './signing-keys.js';
import { ALL_CLUSTERS } from './principal.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';
import { NOW } from './test-support/tokens.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const options = { issuer: 'urn:ecab:test', audience: 'ecab-test', ttlSeconds: 900, now: () => NOW };

describe('TokenIssuer', () => {
  it('issues RS256 tokens that a verifier holding only the served JWKS accepts', async () => {
    const issuer = new TokenIssuer({ ...options, privateKeyPem: pem });
    const jwks = JSON.parse(JSON.stringify(issuer.jwks())) as unknown; // exactly what goes over the wire
    const keys = parseJwks(jwks);
    const verifier = new TokenVerifier([{ issuer: 'urn:ecab:test', audience: 'ecab-test', keys: { keyFor: async (kid) => keys.get(kid) } }], {
      now: () => NOW,
    });

    const { accessToken, expiresIn } = issuer.issue({ sub: 'pm-transport', roles: ['program-manager'], clusters: ['transport'] });
    expect(expiresIn).toBe(900);
    expect(decodeJwt(accessToken).header).toEqual({ alg: 'RS256', typ: 'JWT', kid: issuer.keyId });
    expect(decodeJwt(accessToken).payload).toMatchObject({ iat: NOW, exp: NOW + 900, jti: expect.any(String) });
    await expect(verifier.verify(accessToken)).resolves.toEqual({
      subject: 'pm-transport',
      issuer: 'urn:ecab:test',
      roles: ['program-manager'],
      clusters: ['transport'],
    });
  });

  it('says so in the token when a user may act on every cluster (clusters: ["*"]), so the verifier grants it', async () => {
    const issuer = new TokenIssuer({ ...options, privateKeyPem: pem });
    const verifier = new TokenVerifier([{ issuer: 'urn:ecab:test', audience: 'ecab-test', keys: issuer }], { now: () => NOW });
    const { accessToken } = issuer.issue({ sub: 'pm-all', roles: ['program-manager'] });
    expect(decodeJwt(accessToken).payload.clusters).toEqual([ALL_CLUSTERS]);
    await expect(verifier.verify(accessToken)).resolves.toEqual({ subject: 'pm-all', issuer: 'urn:ecab:test', roles: ['program-manager'] });
  });

  it('serves only the public half of the key', () => {
    const [key] = new TokenIssuer({ ...options, privateKeyPem: pem }).jwks().keys;
    expect(Object.keys(key ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('keeps the same key id for the same key across restarts, and accepts a one-line PEM with \\n', () => {
    const first = new TokenIssuer({ ...options, privateKeyPem: pem });
    const second = new TokenIssuer({ ...options, privateKeyPem: pem.replaceAll('\n', '\\n') });
    expect(second.keyId).toBe(first.keyId);
    expect(first.keyIsEphemeral).toBe(false);
  });

  it('generates a key and warns when none is configured', () => {
    const warnings: string[] = [];
    const issuer = new TokenIssuer({ ...options, warn: (message) => warnings.push(message) });
    expect(issuer.keyIsEphemeral).toBe(true);
    expect(warnings.join()).toMatch(/AUTH_PRIVATE_KEY is not set/);
  });

  it('refuses keys that are too small or not RSA', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => new TokenIssuer({ ...options, privateKeyPem: small })).toThrow(/at least 2048 bits/);
    expect(() => new TokenIssuer({ ...options, privateKeyPem: ec })).toThrow(/expected an RSA key/);
  });

  it('refuses to issue a token without a subject or a known role', () => {
    const issuer = new TokenIssuer({ ...options, privateKeyPem: pem });
    expect(() => issuer.issue({ sub: '', roles: ['viewer'] })).toThrow(/subject/);
    expect(() => issuer.issue({ sub: 'x', roles: [] })).toThrow(/role/);
  });
});
