/**
 * Reading the environment the same way in every service: a value that is set must be valid, or the service
 * does not start and says which variable is wrong and what it expects. An unset or empty variable takes its
 * default.
 */

export type Env = NodeJS.ProcessEnv;

export interface WholeNumberRange {
  /** Smallest accepted value (default 0). */
  min?: number;
  /** Largest accepted value (default none). */
  max?: number;
  /** What the number counts, for the error message: "milliseconds (0 = no limit)", "partitions". */
  unit?: string;
}

/** A whole number in a range: `envWholeNumber(env, 'WEBHOOK_TIMEOUT_MS', 15_000, { min: 1, unit: 'milliseconds' })`. */
export function envWholeNumber(env: Env, name: string, fallback: number, range: WholeNumberRange = {}): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const min = range.min ?? 0;
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  const withinMax = range.max === undefined || value <= range.max;
  if (!Number.isSafeInteger(value) || value < min || !withinMax) {
    const bounds = range.max === undefined ? `at least ${min}` : `from ${min} to ${range.max}`;
    throw new Error(`${name} must be a whole number ${bounds}${range.unit ? ` (${range.unit})` : ''}, got "${raw}"`);
  }
  return value;
}

/** `true`/`false` (also 1/0, yes/no); anything else is refused rather than read as false. */
export function envFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** Where an HTTP service listens: PORT (its own default) and HOST (127.0.0.1; 0.0.0.0 in a container). */
export interface ListenAddress {
  port: number;
  host: string;
}

export function listenAddressFromEnv(env: Env, defaultPort: number): ListenAddress {
  return { port: envWholeNumber(env, 'PORT', defaultPort, { min: 0, max: 65_535, unit: 'a TCP port' }), host: env.HOST?.trim() || '127.0.0.1' };
}

/** DATABASE_URL, which every service that keeps state needs; `npm start` sets it for the embedded PostgreSQL. */
export function databaseUrlFromEnv(env: Env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL must be a postgres:// URL, got "${url}"`);
  return url;
}

/** A base URL without its trailing slashes, so paths can be appended: API_URL, VIEWS_URL. */
export function envBaseUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}
