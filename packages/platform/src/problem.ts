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

/** An error that already knows its problem document; thrown anywhere, rendered once at the edge. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails, readonly headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  static validation(errors: FieldProblem[], detail = 'The request has invalid fields; every problem is listed in errors.'): ProblemError {
    return new ProblemError({
      type: problemType('validation-failed'),
      title: 'Invalid request',
      status: HttpStatus.BAD_REQUEST,
      detail,
      errors,
    });
  }

  static notFound(detail: string): ProblemError {
    return new ProblemError({ type: problemType('not-found'), title: 'Not found', status: HttpStatus.NOT_FOUND, detail });
  }

  static conflict(detail: string, extensions: Record<string, unknown> = {}): ProblemError {
    return new ProblemError({
      type: problemType('conflict'),
      title: 'Conflict',
      status: HttpStatus.CONFLICT,
      detail,
      ...extensions,
    });
  }

  /** 503 with Retry-After: a dependency is down for a moment; the request changed nothing and may be retried. */
  static unavailable(detail: string, retryAfterSeconds = 5): ProblemError {
    return new ProblemError(
      { type: problemType('service-unavailable'), title: 'Service unavailable', status: HttpStatus.SERVICE_UNAVAILABLE, detail },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }

  static ruleViolated(code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemError {
    return new ProblemError({
      type: problemType(`rule/${code}`),
      title: 'Business rule violated',
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail,
      code,
      ...extensions,
    });
  }
}
