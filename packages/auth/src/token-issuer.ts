import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { assertRsaKey, JWT_ALGORITHM, rsaThumbprint, signJwt } from './jwt.js';
import { ALL_CLUSTERS, isRole, type Role } from './principal.js';
import type { SigningKeySource } from './signing-keys.js';

export interface TokenIssuerOptions {
  /** `iss` of every token (AUTH_ISSUER). */
  issuer: string;
  /** `aud` of every token (AUTH_AUDIENCE). */
  audience: string;
  /** Lifetime of an access token in seconds (AUTH_TOKEN_TTL_SECONDS). */
  ttlSeconds: number;
  /** PKCS#8 or PKCS#1 PEM (AUTH_PRIVATE_KEY); without it a key is generated and tokens die with the process. */
  privateKeyPem?: string | undefined;
  /** Seconds since the epoch; tests move the clock. */
  now?: () => number;
  warn?: (message: string) => void;
}

export interface TokenRequest {
  sub: string;
  roles: readonly Role[];
  /** Clusters a program-manager is limited to; omit for every cluster (the token then says ["*"]). */
  clusters?: readonly string[] | undefined;
  /** The account's token epoch (LocalUser.tokenEpoch): the token is refused once the account changes. */
  tokenEpoch?: number | undefined;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

/** The public half of the signing key, as served at /.well-known/jwks.json (RFC 7517). */
export interface PublicJwks {
  keys: Array<{ kty: 'RSA'; n: string; e: string; kid: string; alg: typeof JWT_ALGORITHM; use: 'sig' }>;
}

/** Issues RS256 access tokens for local users. The private key never leaves this object. */
export class TokenIssuer implements SigningKeySource {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly keyIsEphemeral: boolean;
  readonly #privateKey: KeyObject;
  readonly #now: () => number;

  constructor(options: TokenIssuerOptions) {
    if (!options.issuer) throw new Error('the token issuer needs an issuer name');
    if (!options.audience) throw new Error('the token issuer needs an audience');
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 60 || options.ttlSeconds > 86_400) {
      throw new Error('the token lifetime must be a whole number of seconds between 60 and 86400');
    }
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.ttlSeconds = options.ttlSeconds;
    this.#now = options.now ?? (() => Math.floor(Date.now() / 1000));
    if (options.privateKeyPem) {
      this.#privateKey = createPrivateKey({ key: normalizePem(options.privateKeyPem), format: 'pem' });
      this.keyIsEphemeral = false;
    } else {
      this.#privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      this.keyIsEphemeral = true;
      (options.warn ?? ((message: string) => new Logger('TokenIssuer').warn(message)))(
        'AUTH_PRIVATE_KEY is not set: generated a signing key for this process only; every token dies when it stops, and other services cannot share it',
      );
    }
    assertRsaKey(this.#privateKey);
    this.publicKey = createPublicKey(this.#privateKey);
    this.keyId = rsaThumbprint(this.publicKey);
  }

  issue(request: TokenRequest): IssuedToken {
    if (typeof request.sub !== 'string' || request.sub.length === 0) throw new Error('a token needs a subject');
    if (request.roles.length === 0 || !request.roles.every(isRole)) throw new Error('a token needs at least one known role');
    const now = this.#now();
    const payload = {
      iss: this.issuer,
      aud: this.audience,
      sub: request.sub,
      roles: [...request.roles],
      clusters: request.clusters !== undefined ? [...request.clusters] : [ALL_CLUSTERS],
      ...(request.tokenEpoch !== undefined ? { token_epoch: request.tokenEpoch } : {}),
      iat: now,
      exp: now + this.ttlSeconds,
      jti: randomUUID(),
    };
    return { accessToken: signJwt(payload, this.#privateKey, this.keyId), expiresIn: this.ttlSeconds };
  }

  jwks(): PublicJwks {
    const jwk = this.publicKey.export({ format: 'jwk' });
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new Error('the public key did not export as an RSA JWK');
    return { keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid: this.keyId, alg: JWT_ALGORITHM, use: 'sig' }] };
  }

  async keyFor(kid: string): Promise<KeyObject | undefined> {
    return kid === this.keyId ? this.publicKey : undefined;
  }
}

/** Environment variables often carry a PEM on one line with literal "\n". */
function normalizePem(pem: string): string {
  return pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem;
}
