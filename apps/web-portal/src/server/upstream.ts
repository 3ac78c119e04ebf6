/**
 * Where a browser request under /api goes: commands (every method but GET and HEAD) and the token
 * endpoint to portfolio-api, reads to portfolio-views. One origin for the browser, two apps behind it.
 */
export type Upstream = 'api' | 'views';

export function upstreamOf(method: string, path: string): Upstream {
  if (path === '/api/v1/auth/token' || path.startsWith('/.well-known/')) return 'api';
  return method === 'GET' || method === 'HEAD' ? 'views' : 'api';
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those fetch recomputes: never forwarded either way. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'content-encoding',
]);

export function forwardedHeaders(headers: Record<string, string | string[] | undefined>): Headers {
  const forwarded = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
    for (const one of Array.isArray(value) ? value : [value]) forwarded.append(name, one);
  }
  return forwarded;
}

export function answerHeaders(headers: Headers): [string, string][] {
  return [...headers].filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
}
