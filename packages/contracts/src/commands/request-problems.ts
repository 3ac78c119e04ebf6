import type { z } from 'zod';

/** One field's problem: where (a JSON pointer into the request, e.g. `/countries/0/percentage`) and what. */
export interface RequestProblem {
  pointer: string;
  detail: string;
  /** zod's issue code, e.g. `invalid_format`. */
  code: string;
}

function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Every issue zod found, one per field: what portfolio-api's 400 lists (RFC 9457 `errors`). */
export function requestProblems(error: z.ZodError): RequestProblem[] {
  return error.issues.flatMap((issue): RequestProblem[] =>
    // An unknown field is named by its own pointer, one problem each, like every other field's problem.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: pointer([...issue.path, key]), detail: 'is not a field this request accepts', code: issue.code }))
      : [{ pointer: pointer(issue.path), detail: issue.message, code: issue.code }],
  );
}

/** A command's request as portfolio-api takes it: its route under /api/v1 and the schemas of its path parameters and body. */
export interface CommandRequest {
  readonly path: string;
  readonly params: z.ZodType;
  readonly body: z.ZodType;
}

/**
 * What portfolio-api would answer 400 about, found before sending: the problems of the path parameters
 * and of the body (path parameters and body fields share one namespace of pointers, as in the API's answer).
 */
export function checkRequest(request: CommandRequest, params: Record<string, string>, body: unknown): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const checkedParams = request.params.safeParse(params);
  if (!checkedParams.success) problems.push(...requestProblems(checkedParams.error));
  const checkedBody = request.body.safeParse(body ?? {});
  if (!checkedBody.success) problems.push(...requestProblems(checkedBody.error));
  return problems;
}

/** The route with its path parameters filled in (each encoded), e.g. `agreements/AG-1/disbursements`. */
export function routeOf(request: Pick<CommandRequest, 'path'>, params: Record<string, string>): string {
  return request.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
