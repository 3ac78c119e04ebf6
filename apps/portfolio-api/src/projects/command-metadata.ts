import { randomUUID } from 'node:crypto';
import { ProblemError } from '@ecab/platform';

/** What every command carries besides its payload: who, why, and how it is traced. */
export interface CommandContext {
  commandId: string;
  correlationId: string;
  actor: string;
  traceparent?: string;
  /** From If-Match: the stream version the client saw; undefined = the version just loaded. */
  expectedVersion?: number;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function commandContextFrom(headers: Headers): CommandContext {
  const ifMatch = header(headers, 'if-match');
  let expectedVersion: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match?.[1]) {
      throw ProblemError.validation([{ pointer: '', detail: 'If-Match must be a stream version such as "3"' }], 'The If-Match header is not a version.');
    }
    expectedVersion = Number(match[1]);
  }
  const traceparent = header(headers, 'traceparent');
  const correlationId = header(headers, 'x-correlation-id');
  return {
    commandId: randomUUID(),
    correlationId: correlationId && correlationId.length <= 200 ? correlationId : randomUUID(),
    actor: 'anonymous',
    ...(traceparent && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}
