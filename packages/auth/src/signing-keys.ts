import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { assertRsaKey, JWT_ALGORITHM } from './jwt.js';

/** Where a trusted issuer's public keys come from, looked up by `kid`. */
export interface SigningKeySource {
  /** The key with this id, or undefined when the issuer has none by that id. */
  keyFor(kid: string): Promise<KeyObject | undefined>;
}

/** The external issuer's JWKS could not be fetched and nothing usable is cached. */
export class IssuerKeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerKeysUnavailableError';
  }
}

export interface RemoteJwksOptions {
  url: string;
  /** Keys are fetched again after this long, so a key the issuer retired stops being trusted. */
  maxAgeMs?: number;
  /** When refreshing keeps failing, cached keys are still trusted this long past maxAgeMs, then dropped. */
  maxStaleMs?: number;
  /** At most one fetch per this interval, however many unknown kids arrive: a flood of forged kids cannot hammer the issuer. */
  minRefreshIntervalMs?: number;
  timeoutMs?: number;
  maxKeys?: number;
  maxBytes?: number;
  /** Allow plain http beyond loopback, for a private network between services (AUTH_JWKS_ALLOW_HTTP). */
  allowHttp?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
  warn?: (message: string) => void;
}

/**
 * An external OIDC issuer's JWKS, cached. An unknown kid triggers a refresh (the issuer may have rotated),
 * bounded by minRefreshIntervalMs; concurrent lookups share one fetch. If refreshing fails the cached keys
 * stay in use for maxStaleMs, so a short issuer outage does not log everyone out, then are dropped.
 */
export class RemoteJwks implements SigningKeySource {
  readonly #url: string;
  readonly #maxAgeMs: number;
  readonly #maxStaleMs: number;
  readonly #minRefreshIntervalMs: number;
  readonly #timeoutMs: number;
  readonly #maxKeys: number;
  readonly #maxBytes: number;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #warn: (message: string) => void;
  #keys: Map<string, KeyObject> | undefined;
  #fetchedAt = -Infinity;
  #attemptedAt = -Infinity;
  #inFlight: Promise<void> | undefined;

  constructor(options: RemoteJwksOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && !isLoopback(url.hostname) && !(options.allowHttp && url.protocol === 'http:'))
      throw new Error(`the JWKS URL must use https (got ${url.protocol}//${url.host})`);
    this.#url = url.toString();
    this.#maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.#maxStaleMs = options.maxStaleMs ?? 60 * 60_000;
    this.#minRefreshIntervalMs = options.minRefreshIntervalMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#maxKeys = options.maxKeys ?? 20;
    this.#maxBytes = options.maxBytes ?? 256 * 1024;
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
    this.#warn = options.warn ?? ((message) => new Logger('RemoteJwks').warn(message));
  }

  async keyFor(kid: string): Promise<KeyObject | undefined> {
    if (this.#keys === undefined || this.#now() - this.#fetchedAt > this.#maxAgeMs) await this.#refreshIfAllowed();
    if (this.#now() - this.#fetchedAt > this.#maxAgeMs + this.#maxStaleMs) this.#keys = undefined;
    if (this.#keys === undefined) throw new IssuerKeysUnavailableError(`no keys could be fetched from ${this.#url}`);
    const known = this.#keys.get(kid);
    if (known) return known;
    await this.#refreshIfAllowed();
    return this.#keys.get(kid);
  }

  async #refreshIfAllowed(): Promise<void> {
    if (this.#inFlight) return this.#inFlight;
    if (this.#now() - this.#attemptedAt < this.#minRefreshIntervalMs) return;
    this.#attemptedAt = this.#now();
    this.#inFlight = this.#load()
      .then((keys) => {
        this.#keys = keys;
        this.#fetchedAt = this.#now();
      })
      .catch((error: unknown) => {
        this.#warn(`could not refresh the JWKS from ${this.#url}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    return this.#inFlight;
  }

  async #load(): Promise<Map<string, KeyObject>> {
    const response = await this.#fetch(this.#url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.#timeoutMs) });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const body = JSON.parse(await readLimited(response, this.#maxBytes)) as unknown;
    return parseJwks(body, this.#maxKeys);
  }
}

/** The usable RS256 signing keys of a JWKS document; other keys (EC, encryption) are skipped. */
export function parseJwks(document: unknown, maxKeys = 20): Map<string, KeyObject> {
  const keys = typeof document === 'object' && document !== null ? (document as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) throw new Error('the JWKS has no keys array');
  const usable = new Map<string, KeyObject>();
  for (const jwk of keys.slice(0, maxKeys) as unknown[]) {
    if (typeof jwk !== 'object' || jwk === null) continue;
    const { kty, kid, use, alg } = jwk as Record<string, unknown>;
    if (kty !== 'RSA' || typeof kid !== 'string' || (use !== undefined && use !== 'sig') || (alg !== undefined && alg !== JWT_ALGORITHM)) continue;
    try {
      const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
      assertRsaKey(key);
      usable.set(kid, key);
    } catch {
      // A malformed or too-small key is simply not trusted.
    }
  }
  return usable;
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`the JWKS is larger than ${maxBytes} bytes`);
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`the JWKS is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
