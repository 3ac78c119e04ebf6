import { createHash, sign, verify, type KeyObject } from 'node:crypto';

/** The only algorithm accepted or produced: RS256 (RSASSA-PKCS1-v1_5 with SHA-256). */
export const JWT_ALGORITHM = 'RS256';

/** Tokens larger than this are rejected before any parsing. */
export const MAX_TOKEN_LENGTH = 8192;

/** RSA keys below this size are refused for signing and verifying. */
export const MIN_RSA_BITS = 2048;

export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
  crit?: unknown;
  [name: string]: unknown;
}

export type JwtPayload = Record<string, unknown>;

/** Why a token was refused, phrased for the client (it reaches the 401 body). */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function fromBase64url(segment: string, what: string): Buffer {
  if (!BASE64URL.test(segment)) throw new TokenRejectedError(`The token ${what} is not base64url.`);
  return Buffer.from(segment, 'base64url');
}

function jsonObject(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fromBase64url(segment, what).toString('utf8'));
  } catch (error) {
    if (error instanceof TokenRejectedError) throw error;
    throw new TokenRejectedError(`The token ${what} is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenRejectedError(`The token ${what} is not a JSON object.`);
  return value as Record<string, unknown>;
}

/** Refuses anything but an RSA key of at least MIN_RSA_BITS. */
export function assertRsaKey(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`expected an RSA key, got ${key.asymmetricKeyType ?? key.type}`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new Error(`RSA keys must have at least ${MIN_RSA_BITS} bits, this one has ${bits}`);
}

/** Signs a compact JWS with RS256. */
export function signJwt(payload: JwtPayload, privateKey: KeyObject, kid: string): string {
  const header: JwtHeader = { alg: JWT_ALGORITHM, typ: 'JWT', kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWS without trusting anything in it; rejects every algorithm but RS256 up front. */
export function decodeJwt(token: string): DecodedJwt {
  if (token.length > MAX_TOKEN_LENGTH) throw new TokenRejectedError('The token is too large.');
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenRejectedError('The token is not a signed JWT (header.payload.signature).');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = jsonObject(headerPart, 'header');
  if (header.alg !== JWT_ALGORITHM) throw new TokenRejectedError(`The token algorithm ${quoted(header.alg)} is not accepted; only RS256 is.`);
  // We implement no JWS extensions, so a token that makes one critical must be refused (RFC 7515 §4.1.11).
  if (header.crit !== undefined) throw new TokenRejectedError('The token declares critical header extensions, which are not supported.');
  if (header.kid !== undefined && typeof header.kid !== 'string') throw new TokenRejectedError('The token key id (kid) is not a string.');
  const payload = jsonObject(payloadPart, 'payload');
  const signature = fromBase64url(signaturePart, 'signature');
  if (signature.length === 0) throw new TokenRejectedError('The token has no signature.');
  return { header: header as JwtHeader, payload, signingInput: `${headerPart}.${payloadPart}`, signature };
}

/** A header value of the token, quoted for a message: short, whatever the token holds. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Checks an RS256 signature against one public key. */
export function hasValidSignature(decoded: DecodedJwt, publicKey: KeyObject): boolean {
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (decoded.signature.length !== Math.ceil(bits / 8)) return false;
  return verify('sha256', Buffer.from(decoded.signingInput), publicKey, decoded.signature);
}

/** RFC 7638 JWK thumbprint of an RSA public key: a stable key id across restarts. */
export function rsaThumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return base64url(createHash('sha256').update(canonical).digest());
}
