import type { KeyObject } from 'node:crypto';
import { isPrintableText } from '@ecab/platform';
import { decodeJwt, hasValidSignature, TokenRejectedError, type JwtPayload } from './jwt.js';
import { ALL_CLUSTERS, isRole, type Principal } from './principal.js';
import type { SigningKeySource } from './signing-keys.js';

/** One issuer whose tokens are accepted, with its keys and the claims that carry roles and clusters. */
export interface TrustedIssuer {
  /** Exact `iss` value. */
  issuer: string;
  /** `aud` must be, or contain, this value. */
  audience: string;
  keys: SigningKeySource;
  /** Dotted path of the roles claim, e.g. `realm_access.roles` for Keycloak; default `roles`. */
  rolesClaim?: string | undefined;
  /** Dotted path of the clusters claim; default `clusters`. `["*"]` = every cluster; absent or null = none. */
  clustersClaim?: string | undefined;
}

export interface TokenVerifierOptions {
  /** Tolerance for clocks that disagree, applied to exp, nbf and iat; default 30 s, at most 5 minutes. */
  clockSkewSeconds?: number;
  /** Seconds since the epoch; tests move the clock. */
  now?: () => number;
}

/**
 * Verifies RS256 bearer tokens of the trusted issuers and turns them into principals. Each issuer's
 * keys only vouch for that issuer's tokens: a token is matched to an issuer by `iss`, then its `kid`
 * is looked up among that issuer's keys only. Throws TokenRejectedError (401) or IssuerKeysUnavailableError (503).
 */
/** Tokens whose signature was checked, remembered with the key that checked it (a client sends the same token for its lifetime). */
const VERIFIED_SIGNATURES_KEPT = 1_024;

export class TokenVerifier {
  readonly #issuers: ReadonlyMap<string, TrustedIssuer>;
  /**
   * token → the key its signature was verified with. An RSA verification was ~3 % of a command's CPU; a hit skips
   * only that step (the key is still looked up, and must be the same object; times and audience are checked every time).
   * Oldest first out when full.
   */
  readonly #verifiedWith = new Map<string, KeyObject>();
  readonly #skew: number;
  readonly #now: () => number;

  constructor(issuers: readonly TrustedIssuer[], options: TokenVerifierOptions = {}) {
    if (issuers.length === 0) throw new Error('the token verifier needs at least one trusted issuer');
    this.#issuers = new Map(issuers.map((trusted) => [trusted.issuer, trusted]));
    this.#skew = Math.min(Math.max(options.clockSkewSeconds ?? 30, 0), 300);
    this.#now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  async verify(token: string): Promise<Principal> {
    const decoded = decodeJwt(token);
    const { payload } = decoded;
    const trusted = typeof payload.iss === 'string' ? this.#issuers.get(payload.iss) : undefined;
    if (!trusted) throw new TokenRejectedError('The token issuer is not trusted.');
    const kid = decoded.header.kid;
    if (!kid) throw new TokenRejectedError('The token has no key id (kid).');
    const key = await trusted.keys.keyFor(kid);
    if (!key) throw new TokenRejectedError('The token was signed with an unknown key.');
    if (this.#verifiedWith.get(token) !== key) {
      if (!hasValidSignature(decoded, key)) throw new TokenRejectedError('The token signature is invalid.');
      if (this.#verifiedWith.size >= VERIFIED_SIGNATURES_KEPT) this.#verifiedWith.delete(this.#verifiedWith.keys().next().value!);
      this.#verifiedWith.set(token, key);
    }
    this.#checkTimes(payload);
    if (!hasAudience(payload.aud, trusted.audience)) throw new TokenRejectedError('The token is not meant for this service (aud).');
    return principalFrom(payload, trusted);
  }

  #checkTimes(payload: JwtPayload): void {
    const now = this.#now();
    const { exp, nbf, iat } = payload;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenRejectedError('The token has no expiry (exp).');
    if (now - this.#skew >= exp) throw new TokenRejectedError('The token has expired.');
    if (nbf !== undefined && (typeof nbf !== 'number' || now + this.#skew < nbf)) throw new TokenRejectedError('The token is not valid yet (nbf).');
    if (iat !== undefined && (typeof iat !== 'number' || now + this.#skew < iat)) throw new TokenRejectedError('The token was issued in the future (iat).');
  }
}

function hasAudience(aud: unknown, expected: string): boolean {
  if (typeof aud === 'string') return aud === expected;
  return Array.isArray(aud) && aud.includes(expected);
}

function claimAt(payload: JwtPayload, path: string): unknown {
  let value: unknown = payload;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function principalFrom(payload: JwtPayload, trusted: TrustedIssuer): Principal {
  const { sub } = payload;
  // The subject becomes the events' actor, and their ce_actor Kafka header: printable text only.
  if (typeof sub !== 'string' || !isPrintableText(sub, 255))
    throw new TokenRejectedError('The token has no valid subject (sub): 1 to 255 printable characters.');
  const rawRoles = claimAt(payload, trusted.rolesClaim ?? 'roles');
  if (rawRoles !== undefined && !Array.isArray(rawRoles)) throw new TokenRejectedError('The token roles claim is not a list.');
  const roles = [...new Set((rawRoles ?? []).filter(isRole))];
  const epoch = payload.token_epoch;
  if (epoch !== undefined && !(Number.isSafeInteger(epoch) && (epoch as number) >= 0))
    throw new TokenRejectedError('The token epoch (token_epoch) is not a whole number.');
  const principal = { subject: sub, issuer: trusted.issuer, roles, ...(epoch !== undefined ? { tokenEpoch: epoch as number } : {}) };
  const rawClusters = claimAt(payload, trusted.clustersClaim ?? 'clusters');
  // No claim is no cluster: a token is unscoped only when it says so (["*"]), never by leaving the claim out.
  if (rawClusters === undefined || rawClusters === null) return { ...principal, clusters: [] };
  if (!Array.isArray(rawClusters) || !rawClusters.every((cluster) => typeof cluster === 'string')) {
    throw new TokenRejectedError('The token clusters claim is not a list of names.');
  }
  if (rawClusters.includes(ALL_CLUSTERS)) {
    if (rawClusters.length > 1) throw new TokenRejectedError(`The token clusters claim names clusters beside "${ALL_CLUSTERS}" (every cluster).`);
    return principal;
  }
  return { ...principal, clusters: rawClusters };
}
