import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { base64url, signJwt, type JwtPayload } from '../jwt.js';
import type { SigningKeySource } from '../signing-keys.js';

export const NOW = 1_800_000_000;

/** A fresh RSA-2048 keypair; generated once per suite, they take ~100 ms each. */
export function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export function staticKeys(keys: Record<string, KeyObject>): SigningKeySource {
  return { keyFor: async (kid) => keys[kid] };
}

export function claims(overrides: JwtPayload = {}): JwtPayload {
  return { iss: 'urn:test:issuer', aud: 'test-api', sub: 'alice', roles: ['viewer'], iat: NOW, exp: NOW + 600, ...overrides };
}

export function signed(payload: JwtPayload, privateKey: KeyObject, kid = 'key-1'): string {
  return signJwt(payload, privateKey, kid);
}

/** A token whose header says anything we like, HMAC-signed with `secret`, or unsigned. */
export function forged(header: Record<string, unknown>, payload: JwtPayload, secret?: Buffer | string): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = secret === undefined ? '' : base64url(createHmac('sha256', secret).update(input).digest());
  return `${input}.${signature}`;
}
