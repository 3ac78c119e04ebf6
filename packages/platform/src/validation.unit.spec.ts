import { z } from 'zod';
import { ProblemError } from './problem.js';
import { parseOrProblem } from './validation.js';

const schema = z
  .object({ amount: z.string().regex(/^\d+$/, 'must be digits'), currency: z.enum(['USD', 'KZT']), nested: z.object({ 'a/b': z.number() }) })
  .strict();

describe('parseOrProblem', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseOrProblem(schema, { amount: '10', currency: 'USD', nested: { 'a/b': 1 } })).toEqual({ amount: '10', currency: 'USD', nested: { 'a/b': 1 } });
  });

  it('lists every field problem at once, as JSON pointers', () => {
    let thrown: unknown;
    try {
      parseOrProblem(schema, { amount: 'ten', currency: 'EUR', nested: { 'a/b': 'x' }, extra: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = (thrown as ProblemError).problem;
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('urn:problem:ecab:validation-failed');
    const pointers = (problem.errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/amount', '/currency', '/extra', '/nested/a~1b']);
  });

  it('rejects a body that is not an object with a pointer to the root', () => {
    expect(() => parseOrProblem(schema, 'hello')).toThrow(ProblemError);
  });
});
