import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^ln, block size r, parallelism p. Stored with every hash so it can be raised later. */
export interface ScryptParameters {
  ln: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1 (128 MiB per hash). Hashes made with the
 * earlier N = 2^15 still verify, and needsRehash flags them for the next successful sign-in.
 */
export const DEFAULT_SCRYPT: ScryptParameters = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from storage, so a corrupt row cannot make us allocate gigabytes.
const LIMITS = { ln: [14, 22], r: [8, 32], p: [1, 16] } as const;
/** At most 512 MiB for one hash (four times today's parameters), whatever the row says. */
export const MAX_SCRYPT_MEMORY_BYTES = 512 * 1024 * 1024;
const ENCODED = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * The memory scrypt needs, which Node checks against `maxmem` (OpenSSL's EVP_PBE_scrypt): the block V of
 * 128·r·(N + 2) bytes and B of 128·r·p bytes. 134,220,800 bytes for N = 2^17, r = 8, p = 1; Node's
 * default maxmem (32 MiB) would refuse it.
 */
export function scryptMemoryBytes(params: ScryptParameters): number {
  return 128 * params.r * (2 ** params.ln + 2 + params.p);
}

function derive(password: string, salt: Buffer, params: ScryptParameters, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: scryptMemoryBytes(params) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function checkParameters(params: ScryptParameters): void {
  for (const name of ['ln', 'r', 'p'] as const) {
    const [min, max] = LIMITS[name];
    if (!Number.isInteger(params[name]) || params[name] < min || params[name] > max) throw new Error(`scrypt ${name} must be between ${min} and ${max}`);
  }
  if (scryptMemoryBytes(params) > MAX_SCRYPT_MEMORY_BYTES) throw new Error(`scrypt parameters needing more than ${MAX_SCRYPT_MEMORY_BYTES} bytes are refused`);
}

const b64 = (data: Buffer): string => data.toString('base64').replace(/=+$/, '');

/** Hashes a password as `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (PHC string format, unpadded base64). */
export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  checkParameters(params);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

export interface DecodedPasswordHash {
  params: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

export function decodePasswordHash(encoded: string): DecodedPasswordHash {
  const match = ENCODED.exec(encoded);
  if (!match) throw new Error('not an scrypt password hash');
  const [, ln, r, p, salt = '', key = ''] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  checkParameters(params);
  const decoded = { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  if (decoded.salt.length < SALT_BYTES || decoded.key.length < 16) throw new Error('scrypt password hash is too short');
  return decoded;
}

/** Compares in constant time; false for a wrong password, throws only for a hash that is not ours. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const { params, salt, key } = decodePasswordHash(encoded);
  const candidate = await derive(password, salt, params, key.length);
  return timingSafeEqual(candidate, key);
}

/** True when the hash was made with weaker parameters than `current`: rehash it at the next successful login. */
export function needsRehash(encoded: string, current: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const { params } = decodePasswordHash(encoded);
  return params.ln < current.ln || params.r < current.r || params.p < current.p;
}
