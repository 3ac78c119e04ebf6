import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isAllowedHost, isPublicAddress, type SinkPolicy } from '../subscriptions/sink-safety.js';

/** What one POST to a sink came to. */
export interface SendOutcome {
  /** The HTTP status, when the sink answered. */
  status?: number;
  retryAfter?: string;
  /** Why there was no answer (timeout, refused address, connection error). */
  error?: string;
  durationMs: number;
}

/** A lookup that refuses non-public addresses at connect time, so a host cannot resolve elsewhere after the check. */
function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = list.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(new Error(`${hostname} resolves to ${refused.address}, a private, loopback or link-local address`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POSTs a body to a sink: no redirect followed (a 3xx is an answer, counted as a failure), the whole
 * exchange bounded by `timeoutMs`, the response body read and dropped.
 */
export function sendWebhook(sink: string, headers: Record<string, string>, body: string, policy: SinkPolicy, timeoutMs: number): Promise<SendOutcome> {
  const started = performance.now();
  const url = new URL(sink);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const client = url.protocol === 'https:' ? https : http;
  const allowed = isAllowedHost(policy, host);
  // An address in the URL is never looked up, so it is judged here.
  if (!allowed && isIP(host) && !isPublicAddress(host))
    return Promise.resolve({ error: `${host} is a private, loopback or link-local address`, durationMs: 0 });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'ecab-partner-gateway' },
        ...(allowed ? {} : { lookup: publicOnlyLookup() }),
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          finish({
            status: response.statusCode ?? 0,
            ...(typeof response.headers['retry-after'] === 'string' ? { retryAfter: response.headers['retry-after'] } : {}),
          }),
        );
        response.on('error', (error) => finish({ status: response.statusCode ?? 0, error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish({ error: error.message }));
    request.end(body);
  });
}
