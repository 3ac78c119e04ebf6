import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemType, type ProblemDetails } from './problem.js';

/** Turns an application error into a problem, or says it does not know it. */
export type ProblemMapper = (error: unknown) => ProblemError | undefined;

interface HttpResponseLike {
  status(code: number): HttpResponseLike;
  setHeader(name: string, value: string): void;
  end(body: string): void;
  headersSent?: boolean;
}

interface HttpRequestLike {
  originalUrl?: string;
  url?: string;
}

/** Maps the errors that mean a dependency is down (e.g. PostgreSQL restarting) to 503, never 500. */
export function serviceUnavailableWhen(isUnavailable: (error: unknown) => boolean, dependency = 'The database'): ProblemMapper {
  return (error) => (isUnavailable(error) ? ProblemError.unavailable(`${dependency} is not reachable right now; nothing was changed. Retry shortly.`) : undefined);
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
    const response = http.getResponse<HttpResponseLike>();
    const request = http.getRequest<HttpRequestLike>();
    const problemError = this.toProblem(exception);
    const problem: ProblemDetails = { ...problemError.problem, instance: request.originalUrl ?? request.url };
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(problemError.headers)) response.setHeader(name, value);
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.status(problem.status).end(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemError {
    if (exception instanceof ProblemError) return exception;
    for (const map of this.mappers) {
      const mapped = map(exception);
      if (mapped) return mapped;
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isBodyParserError(exception)) {
      return ProblemError.validation([{ pointer: '', detail: bodyParserDetail(exception) }], 'The request body could not be read.');
    }
    return new ProblemError({
      type: problemType('internal-error'),
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The server failed to handle the request; it has been logged.',
    });
  }
}

function fromHttpException(exception: HttpException): ProblemError {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const detail = typeof body === 'string' ? body : typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
  if (status === HttpStatus.BAD_REQUEST) return ProblemError.validation([{ pointer: '', detail }], detail);
  return new ProblemError({ type: status === 404 ? problemType('not-found') : 'about:blank', title: exception.name.replace(/Exception$/, '') || 'Error', status, detail });
}

interface BodyParserError {
  type: string;
  status?: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof (error as { type: unknown }).type === 'string' && 'status' in error;
}

function bodyParserDetail(error: BodyParserError): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return 'The body is not valid JSON.';
    case 'entity.too.large':
      return 'The body is too large.';
    case 'encoding.unsupported':
      return 'The body encoding is not supported.';
    default:
      return error.message;
  }
}
