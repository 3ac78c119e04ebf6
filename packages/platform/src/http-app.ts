import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isVisibleAscii } from './header-values.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemTitle, problemType } from './problem.js';
import { ProblemDetailsFilter, writeProblem, type ProblemMapper, type ProblemResponse } from './problem-details.filter.js';
import { contentSecurityPolicyFor, SECURITY_HEADERS } from './security-headers.js';

interface IncomingRequest {
  method?: string;
  url?: string;
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
}

type Next = (error?: unknown) => void;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** application/json or any +json type, with or without parameters (charset…). */
export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Whether the request carries a body (RFC 9112 §6.3: a Content-Length above 0, or a Transfer-Encoding). */
function hasBody(request: IncomingRequest): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return typeof length === 'string' && length !== '0';
}

/** 415 unless a body is JSON: every command takes JSON, and a form or plain text would only read as "fields missing". */
export function unsupportedMediaType(request: IncomingRequest): ProblemError | undefined {
  if (!BODY_METHODS.has((request.method ?? '').toUpperCase()) || !hasBody(request)) return undefined;
  const contentType = request.headers['content-type'];
  if (typeof contentType === 'string' && isJsonMediaType(contentType)) return undefined;
  const sent = typeof contentType === 'string' && isVisibleAscii(contentType.replaceAll(' ', ''), 200) ? `Content-Type ${contentType}` : 'no Content-Type';
  return new ProblemError(
    {
      type: problemType('unsupported-media-type'),
      status: 415,
      detail: `The body must be JSON (Content-Type: application/json); the request was sent with ${sent}.`,
      accepted: ['application/json'],
    },
    { 'Accept-Post': 'application/json', 'Accept-Patch': 'application/json' },
  );
}

export interface HttpAppOptions {
  /**
   * A page the app serves itself (an HTML report) may need a policy of its own: return it for that path,
   * or undefined to keep the API's (or the docs page's).
   */
  contentSecurityPolicy?: (path: string) => string | undefined;
}

/**
 * What every app does to its HTTP server, in one place: the security headers on every answer (no
 * X-Powered-By), 415 for a body that is not JSON, every error as problem+json (the app's own mappers
 * first), and a problem+json 400/431 for a request Node cannot even parse (a header with a forbidden
 * character, headers too large) instead of a bare status line. Call it before app.listen().
 */
export function configureHttpApp(app: INestApplication, mappers: readonly ProblemMapper[] = [], options: HttpAppOptions = {}): void {
  const express = app.getHttpAdapter().getInstance() as { disable?(setting: string): void };
  express.disable?.('x-powered-by');
  app.use((request: IncomingRequest, response: ProblemResponse, next: Next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const path = (request.originalUrl ?? request.url ?? '/').split('?', 1)[0]!;
    response.setHeader('Content-Security-Policy', options.contentSecurityPolicy?.(path) ?? contentSecurityPolicyFor(path));
    const refused = unsupportedMediaType(request);
    if (refused) {
      writeProblem(response, refused, path);
      return;
    }
    next();
  });
  app.useGlobalFilters(new ProblemDetailsFilter(mappers));
  (app.getHttpServer() as Server).on('clientError', answerUnreadableRequest);
}

/** Node could not parse the request: answer a problem (and close), as far as the socket still allows. */
function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail =
    status === 431
      ? 'The request headers are too large.'
      : 'The request could not be parsed: a header name or value holds a character HTTP does not allow, or the request is malformed.';
  const body = JSON.stringify({ type: problemType(status === 431 ? 'headers-too-large' : 'malformed-request'), title: problemTitle(status), status, detail });
  const head = [
    `HTTP/1.1 ${status} ${problemTitle(status)}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) head.push(`${name}: ${value}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
