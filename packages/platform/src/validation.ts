import type { z } from 'zod';
import { type FieldProblem, ProblemError } from './problem.js';

function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Every issue zod found, one per field, as RFC 9457 `errors` members. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] =>
    // An unknown field is named by its own pointer, one problem each, like every other field's problem.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: pointer([...issue.path, key]), detail: 'is not a field this request accepts', code: issue.code }))
      : [{ pointer: pointer(issue.path), detail: issue.message, code: issue.code }],
  );
}

/** Parses input against a schema, or throws a 400 problem listing every field's problem. */
export function parseOrProblem<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ProblemError.validation(fieldProblems(result.error));
  return result.data;
}
