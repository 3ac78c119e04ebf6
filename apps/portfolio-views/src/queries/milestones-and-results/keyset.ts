import { z } from 'zod';

/** Lists of this folder page by keyset: the cursor is the sort key of the last item, opaque to callers. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A `cursor` query parameter: decoded into the sort key it carries (`length` parts), or a 400 naming it. */
export function cursorParameter(length: number) {
  return z
    .string()
    .max(1000, 'must be at most 1000 characters')
    .transform((value, context): string[] => {
      try {
        const key: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === 'string')) return key as string[];
      } catch {
        // reported below
      }
      context.addIssue({ code: 'custom', message: 'must be a nextCursor this list answered' });
      return z.NEVER;
    })
    .optional()
    .describe('The `nextCursor` of the previous page');
}

export const LIMIT_PARAMETER = z.coerce
  .number({ error: 'must be a number from 1 to 500' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500')
  .default(50)
  .describe('Page size (default 50, at most 500)');

/** Today, the UTC calendar date. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
