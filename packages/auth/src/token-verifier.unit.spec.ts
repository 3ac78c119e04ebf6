import type { KeyObject } from 'node:crypto';
import { TokenRejectedError } from './jwt.js';
import { canActOnCluster, canActOnProgramme } from './policy.js';
import { ALL_CLUSTERS } from './principal.js';
import { TokenVerifier } from './token-verifier.js';
import { claims, forged, NOW, rsaKeyPair, signed, staticKeys } from './test-support/tokens.js';

const { privateKey, publicKey } = rsaKeyPair();
const other = rsaKeyPair();
const verifier = new TokenVerifier([{ issuer: 'urn:test:issuer', audience: 'test-api', keys: staticKeys({ 'key-1': publicKey }) }], {
  now: () => NOW,
  clockSkewSeconds: 30,
});

async function rejection(token: string): Promise<string> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('TokenVerifier', () => {
  it('accepts a token it can verify and turns it into a principal', async () => {
    const principal = await verifier.verify(signed(claims({ roles: ['program-manager', 'unknown-role'], clusters: ['transport'] }), privateKey));
    expect(principal).toEqual({ subject: 'alice', issuer: 'urn:test:issuer', roles: ['program-manager'], clusters: ['transport'] });
  });

  it('carries the account token epoch a local token was issued at, and refuses one that is not a whole number', async () => {
    expect((await verifier.verify(signed(claims({ token_epoch: 3 }), privateKey))).tokenEpoch).toBe(3);
    expect((await verifier.verify(signed(claims(), privateKey))).tokenEpoch).toBeUndefined();
    for (const epoch of [-1, 1.5, '3', null]) expect(await rejection(signed(claims({ token_epoch: epoch }), privateKey))).toMatch(/token epoch/);
  });

  it('limits a token without a clusters claim to no cluster: unscoped must be explicit', async () => {
    for (const clusters of [undefined, null]) {
      const principal = await verifier.verify(signed(claims({ roles: ['program-manager'], clusters }), privateKey));
      expect(principal.clusters).toEqual([]);
      expect(canActOnCluster(principal, 'transport')).toBe(false);
      expect(canActOnProgramme(principal)).toBe(false);
    }
  });

  it('grants every cluster to a token that says clusters: ["*"], and refuses "*" mixed with names', async () => {
    const principal = await verifier.verify(signed(claims({ roles: ['program-manager'], clusters: [ALL_CLUSTERS] }), privateKey));
    expect(principal.clusters).toBeUndefined();
    expect(canActOnCluster(principal, 'transport')).toBe(true);
    expect(canActOnProgramme(principal)).toBe(true);
    expect(await rejection(signed(claims({ clusters: [ALL_CLUSTERS, 'transport'] }), privateKey))).toMatch(/beside "\*"/);
  });

  it('accepts an audience list that contains this service', async () => {
    await expect(verifier.verify(signed(claims({ aud: ['other', 'test-api'] }), privateKey))).resolves.toMatchObject({ subject: 'alice' });
  });

  it('rejects an expired token, tolerating only the clock skew', async () => {
    expect(await rejection(signed(claims({ exp: NOW - 31 }), privateKey))).toBe('The token has expired.');
    await expect(verifier.verify(signed(claims({ exp: NOW - 29 }), privateKey))).resolves.toBeDefined();
  });

  it('rejects a token without an expiry', async () => {
    const { exp: _exp, ...noExpiry } = claims();
    expect(await rejection(signed(noExpiry, privateKey))).toMatch(/no expiry/);
  });

  it('rejects a token that is not valid yet, or issued in the future', async () => {
    expect(await rejection(signed(claims({ nbf: NOW + 120 }), privateKey))).toMatch(/not valid yet/);
    expect(await rejection(signed(claims({ iat: NOW + 120 }), privateKey))).toMatch(/issued in the future/);
    await expect(verifier.verify(signed(claims({ nbf: NOW + 10 }), privateKey))).resolves.toBeDefined();
  });

  it('rejects a wrong issuer or audience', async () => {
    expect(await rejection(signed(claims({ iss: 'urn:evil' }), privateKey))).toMatch(/issuer is not trusted/);
    expect(await rejection(signed(claims({ aud: 'another-api' }), privateKey))).toMatch(/not meant for this service/);
    const { aud: _aud, ...noAudience } = claims();
    expect(await rejection(signed(noAudience, privateKey))).toMatch(/not meant for this service/);
  });

  it('rejects an alg of any characters, quoting it briefly', async () => {
    const reason = await rejection(forged({ alg: '\u4e2d\u6587'.repeat(50), kid: 'key-1' }, claims(), 'x'));
    expect(reason).toMatch(/^The token algorithm "\u4e2d\u6587.*\.\.\. is not accepted; only RS256 is\.$/);
    expect(reason.length).toBeLessThan(100);
  });

  it('rejects alg none and HS256, including an HMAC keyed with the public key (algorithm confusion)', async () => {
    expect(await rejection(forged({ alg: 'none', typ: 'JWT', kid: 'key-1' }, claims()))).toMatch(/algorithm "none" is not accepted/);
    expect(await rejection(forged({ alg: 'HS256', typ: 'JWT', kid: 'key-1' }, claims(), 'secret'))).toMatch(/algorithm "HS256" is not accepted/);
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' });
    expect(await rejection(forged({ alg: 'HS256', kid: 'key-1' }, claims(), publicPem))).toMatch(/only RS256/);
    expect(await rejection(forged({ kid: 'key-1' }, claims(), 'x'))).toMatch(/algorithm null/);
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = signed(claims(), privateKey).split('.');
    const elevated = Buffer.from(JSON.stringify(claims({ roles: ['admin'] }))).toString('base64url');
    expect(await rejection(`${header}.${elevated}.${signature}`)).toBe('The token signature is invalid.');
  });

  it('rejects a token signed by another key under a known kid', async () => {
    expect(await rejection(signed(claims(), other.privateKey, 'key-1'))).toBe('The token signature is invalid.');
  });

  it('rejects an unknown or missing kid', async () => {
    expect(await rejection(signed(claims(), privateKey, 'key-2'))).toBe('The token was signed with an unknown key.');
    expect(await rejection(forged({ alg: 'RS256' }, claims(), 'x'))).toMatch(/no key id/);
  });

  it('rejects malformed tokens with a reason', async () => {
    expect(await rejection('not-a-jwt')).toMatch(/not a signed JWT/);
    expect(await rejection('a.b.c.d')).toMatch(/not a signed JWT/);
    expect(await rejection('!!.e30.e30')).toMatch(/not base64url/);
    expect(await rejection(`${Buffer.from('[1]').toString('base64url')}.e30.AA`)).toMatch(/not a JSON object/);
    expect(await rejection('x'.repeat(9000))).toMatch(/too large/);
    expect(await rejection(forged({ alg: 'RS256', kid: 'key-1', crit: ['exp'] }, claims(), 'x'))).toMatch(/critical/);
  });

  it('rejects a missing subject and malformed roles or clusters claims', async () => {
    const { sub: _sub, ...noSubject } = claims();
    expect(await rejection(signed(noSubject, privateKey))).toMatch(/subject/);
    for (const sub of ['', 'a\r\nce_actor: admin', 'nul\u0000', '\ud800', 'x'.repeat(256)])
      expect(await rejection(signed(claims({ sub }), privateKey))).toMatch(/subject/);
    await expect(verifier.verify(signed(claims({ sub: 'jos\u00e9@example.org' }), privateKey))).resolves.toMatchObject({ subject: 'jos\u00e9@example.org' });
    expect(await rejection(signed(claims({ roles: 'admin' }), privateKey))).toMatch(/roles claim/);
    expect(await rejection(signed(claims({ clusters: 'transport' }), privateKey))).toMatch(/clusters claim/);
  });

  it('reads roles and clusters from nested claims when configured (e.g. Keycloak)', async () => {
    const nested = new TokenVerifier(
      [{ issuer: 'urn:test:issuer', audience: 'test-api', keys: staticKeys({ 'key-1': publicKey }), rolesClaim: 'realm_access.roles' }],
      { now: () => NOW },
    );
    const principal = await nested.verify(signed(claims({ roles: undefined, realm_access: { roles: ['admin'] } }), privateKey));
    expect(principal.roles).toEqual(['admin']);
  });

  it("matches keys to their issuer: one issuer's key cannot vouch for another issuer's tokens", async () => {
    const two = new TokenVerifier(
      [
        { issuer: 'urn:a', audience: 'test-api', keys: staticKeys({ 'key-1': publicKey }) },
        { issuer: 'urn:b', audience: 'test-api', keys: staticKeys({ 'key-b': other.publicKey }) },
      ],
      { now: () => NOW },
    );
    await expect(two.verify(signed(claims({ iss: 'urn:b' }), other.privateKey, 'key-b'))).resolves.toMatchObject({ issuer: 'urn:b' });
    await expect(two.verify(signed(claims({ iss: 'urn:b' }), privateKey, 'key-1'))).rejects.toThrow('unknown key');
  });

  describe('a token verified before (its signature is not checked again)', () => {
    it('is still refused once it expired, and when the issuer now has another key under its kid', async () => {
      let clock = NOW;
      const keys: Record<string, KeyObject> = { 'key-1': publicKey };
      const remembering = new TokenVerifier([{ issuer: 'urn:test:issuer', audience: 'test-api', keys: staticKeys(keys) }], { now: () => clock });
      const token = signed(claims({ exp: NOW + 60 }), privateKey);
      await expect(remembering.verify(token)).resolves.toMatchObject({ subject: 'alice' });
      await expect(remembering.verify(token)).resolves.toMatchObject({ subject: 'alice' });

      keys['key-1'] = other.publicKey; // rotated: the remembered check was made with the old key
      await expect(remembering.verify(token)).rejects.toThrow('The token signature is invalid.');
      keys['key-1'] = publicKey;
      clock = NOW + 120;
      await expect(remembering.verify(token)).rejects.toThrow('The token has expired.');
    });

    it('does not vouch for another token with the same claims but a forged signature', async () => {
      const token = signed(claims(), privateKey);
      await verifier.verify(token);
      const [header, payload] = token.split('.');
      const forgedSignature = signed(claims(), other.privateKey).split('.')[2];
      expect(await rejection(`${header}.${payload}.${forgedSignature}`)).toBe('The token signature is invalid.');
    });
  });
});
