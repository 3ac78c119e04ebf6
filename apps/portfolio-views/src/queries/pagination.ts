import { ProblemError } from '@ecab/platform';
import { z } from 'zod';

/** Page size of every list: 50 unless asked, at most 500. */
export const LIMIT_PARAMETER = z.coerce
  .number({ error: 'must be a number from 1 to 500' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500')
  .default(50)
  .describe('Page size (default 50, at most 500)');

export const PAGE_PARAMETERS = {
  limit: LIMIT_PARAMETER,
  cursor: z.string().max(500).optional().describe('The `nextCursor` of the previous page'),
};

/** An opaque cursor: the sort key of the last item returned. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through to the problem below
  }
  throw ProblemError.validation([{ pointer: '/cursor', detail: 'is not a cursor this list gave' }]);
}

/** A page of a list computed whole (a few hundred groups or quarters at most): items after the cursor key. */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, cursor: string | undefined): { items: T[]; nextCursor: string | null } {
  const after = decodeCursor(cursor, 1)?.[0];
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > String(after));
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, limit);
  return { items: page, nextCursor: rest.length > limit && page.length > 0 ? encodeCursor([keyOf(page[page.length - 1]!)]) : null };
}

/** YYYY-MM-DD */
export const isoDateParameter = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });

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

/** Today, the UTC calendar date. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
