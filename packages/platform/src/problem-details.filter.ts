import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { toHeaderValue } from './header-values.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemType } from './problem.js';

/** Turns an application error into a problem, or says it does not know it. */
export type ProblemMapper = (error: unknown) => ProblemError | undefined;

/** What a problem is written to: Node's and Express's responses both have these. */
export interface ProblemResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
  headersSent?: boolean;
}

interface HttpRequestLike {
  originalUrl?: string;
  url?: string;
}

/**
 * Writes a problem as application/problem+json, with its headers made fit for HTTP (toHeaderValue): a
 * header that quotes a client's input can never turn the answer into a 500.
 */
export function writeProblem(response: ProblemResponse, error: ProblemError, instance: string | undefined): void {
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, toHeaderValue(value, 1024));
  response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  response.statusCode = error.problem.status;
  response.end(JSON.stringify({ ...error.problem, ...(instance !== undefined ? { instance } : {}) }));
}

/** Maps the errors that mean a dependency is down (e.g. PostgreSQL restarting) to 503, never 500. */
export function serviceUnavailableWhen(isUnavailable: (error: unknown) => boolean, dependency = 'The database'): ProblemMapper {
  return (error) =>
    isUnavailable(error) ? ProblemError.unavailable(`${dependency} is not reachable right now; nothing was changed. Retry shortly.`) : undefined;
}

/**
 * Renders every error as application/problem+json (RFC 9457). Domain errors are mapped by the
 * app's mappers; anything unknown is a 500 and is logged, because a 5xx is always a bug.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly mappers: readonly ProblemMapper[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const problemError = this.toProblem(exception);
    if (problemError.problem.status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    writeProblem(http.getResponse<ProblemResponse>(), problemError, request.originalUrl ?? request.url);
  }

  private toProblem(exception: unknown): ProblemError {
    if (exception instanceof ProblemError) return exception;
    for (const map of this.mappers) {
      const mapped = map(exception);
      if (mapped) return mapped;
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isBodyParserError(exception)) return fromBodyParserError(exception);
    return new ProblemError({
      type: problemType('internal-error'),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The server failed to handle the request; it has been logged.',
    });
  }
}

function fromHttpException(exception: HttpException): ProblemError {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const detail =
    typeof body === 'string'
      ? body
      : typeof body === 'object' && body !== null && 'message' in body
        ? String((body as { message: unknown }).message)
        : exception.message;
  if (status === HttpStatus.BAD_REQUEST) return ProblemError.validation([{ pointer: '', detail }], detail);
  return new ProblemError({ type: status === 404 ? problemType('not-found') : 'about:blank', status, detail });
}

interface BodyParserError {
  type: string;
  status?: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof (error as { type: unknown }).type === 'string' && 'status' in error;
}

function fromBodyParserError(error: BodyParserError): ProblemError {
  switch (error.type) {
    case 'entity.too.large':
      return new ProblemError({ type: problemType('content-too-large'), status: 413, detail: 'The body is too large.' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemError({
        type: problemType('unsupported-media-type'),
        status: 415,
        detail: 'The body encoding or charset is not supported; send UTF-8 JSON.',
      });
    case 'entity.parse.failed':
      return ProblemError.validation([{ pointer: '', detail: 'The body is not valid JSON.' }], 'The request body could not be read.');
    default:
      return ProblemError.validation([{ pointer: '', detail: error.message }], 'The request body could not be read.');
  }
}
