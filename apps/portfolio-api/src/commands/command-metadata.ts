import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '@ecab/auth';
import { isVisibleAscii, ProblemError } from '@ecab/platform';

/** What every command carries besides its payload: who, why, and how it is traced. */
export interface CommandContext {
  commandId: string;
  correlationId: string;
  actor: string;
  /** Who sends the command, with roles and clusters: checked against the project's cluster. */
  principal?: Principal;
  traceparent?: string;
  /** From If-Match: the stream version the client saw; undefined = the version just loaded. */
  expectedVersion?: number;
  /**
   * From Idempotency-Key, scoped to the sender: a retried command returns the first answer and stores
   * nothing new. `requestFingerprint` tells a retry from another request reusing the key.
   */
  idempotency?: { key: string; requestFingerprint: string };
}

/** What was asked: the route and the body as sent, so that a retry can be told from a different request. */
export interface CommandRequest {
  route: string;
  body: unknown;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const MAX_CORRELATION_ID_LENGTH = 200;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function commandContextFrom(headers: Headers, principal?: Principal, request?: CommandRequest): CommandContext {
  const ifMatch = header(headers, 'if-match');
  let expectedVersion: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match?.[1]) {
      throw ProblemError.validation([{ pointer: '', detail: 'If-Match must be a stream version such as "3"' }], 'The If-Match header is not a version.');
    }
    expectedVersion = Number(match[1]);
  }
  const idempotencyKey = header(headers, 'idempotency-key');
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    throw ProblemError.validation(
      [{ pointer: '', detail: 'Idempotency-Key must be 1–200 visible ASCII characters, e.g. a UUID' }],
      'The Idempotency-Key header is malformed.',
    );
  }
  const traceparent = header(headers, 'traceparent');
  // It travels on as the events' ce_correlationid Kafka header: only what is safe in any header goes in.
  const correlationId = header(headers, 'x-correlation-id');
  if (correlationId !== undefined && !isVisibleAscii(correlationId, MAX_CORRELATION_ID_LENGTH)) {
    throw ProblemError.validation(
      [{ pointer: '', detail: `X-Correlation-Id must be 1–${MAX_CORRELATION_ID_LENGTH} visible ASCII characters (no spaces), e.g. a UUID` }],
      'The X-Correlation-Id header is malformed.',
    );
  }
  const actor = principal ? (principal.issuer === 'urn:ecab:portfolio' ? principal.subject : `${principal.issuer}|${principal.subject}`) : 'anonymous';
  return {
    commandId: randomUUID(),
    correlationId: correlationId ?? randomUUID(),
    actor,
    ...(principal ? { principal } : {}),
    ...(traceparent && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(idempotencyKey !== undefined
      ? {
          idempotency: {
            key: `${actor}:${idempotencyKey}`,
            requestFingerprint: createHash('sha256')
              .update(JSON.stringify([request?.route ?? '', request?.body ?? null]))
              .digest('base64url'),
          },
        }
      : {}),
  };
}
