import { HttpStatus } from '@nestjs/common';

/** One field's problem, pointing into the request body (RFC 6901 JSON pointer). */
export interface FieldProblem {
  pointer: string;
  detail: string;
  code?: string;
}

/** RFC 9457 problem details. Extension members sit beside the standard ones. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(name: string): string {
  return `urn:problem:ecab:${name}`;
}

/**
 * One title per status, everywhere: a client reads the kind of problem from `type` and the specifics
 * from `detail`; the title only names the status in words.
 */
const PROBLEM_TITLES: Readonly<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Business rule violated',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** The title of every problem with this status. */
export function problemTitle(status: number): string {
  return PROBLEM_TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request refused');
}

/** A problem as thrown: its title follows from its status (problemTitle), so it is not given. */
export interface ProblemInit {
  type: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/** An error that already knows its problem document; thrown anywhere, rendered once at the edge. */
export class ProblemError extends Error {
  readonly problem: ProblemDetails;

  constructor(
    init: ProblemInit,
    readonly headers: Record<string, string> = {},
  ) {
    const { type, status, ...rest } = init;
    const problem: ProblemDetails = { type, title: problemTitle(status), status, ...rest };
    problem.title = problemTitle(status);
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.name = 'ProblemError';
  }

  static validation(errors: FieldProblem[], detail = 'The request has invalid fields; every problem is listed in errors.'): ProblemError {
    return new ProblemError({
      type: problemType('validation-failed'),
      status: HttpStatus.BAD_REQUEST,
      detail,
      errors,
    });
  }

  static notFound(detail: string): ProblemError {
    return new ProblemError({ type: problemType('not-found'), status: HttpStatus.NOT_FOUND, detail });
  }

  static conflict(detail: string, extensions: Record<string, unknown> = {}): ProblemError {
    return new ProblemError({
      type: problemType('conflict'),
      status: HttpStatus.CONFLICT,
      detail,
      ...extensions,
    });
  }

  /** 503 with Retry-After: a dependency is down for a moment; the request changed nothing and may be retried. */
  static unavailable(detail: string, retryAfterSeconds = 5): ProblemError {
    return new ProblemError(
      { type: problemType('service-unavailable'), status: HttpStatus.SERVICE_UNAVAILABLE, detail },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }

  static ruleViolated(code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemError {
    return new ProblemError({
      type: problemType(`rule/${code}`),
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail,
      code,
      ...extensions,
    });
  }
}
