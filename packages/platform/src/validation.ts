import type { z } from 'zod';
import { requestProblems } from '@ecab/contracts/commands';
import { type FieldProblem, ProblemError } from './problem.js';

/** Every issue zod found, one per field, as RFC 9457 `errors` members (the same problems the portal finds before sending). */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return requestProblems(error);
}

/** Parses input against a schema, or throws a 400 problem listing every field's problem. */
export function parseOrProblem<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ProblemError.validation(fieldProblems(result.error));
  return result.data;
}
