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
  cursor: z.string().max(2000, 'must be at most 2000 characters').optional().describe('The `nextCursor` of the previous page (opaque)'),
};

/**
 * Keyset pagination: a page ends with an opaque cursor carrying the sort key of its last item (and, for a
 * list sortable several ways, the order it belongs to); the next page starts strictly after that key. No
 * offset: a page costs the same at any depth, and rows added meanwhile neither repeat nor hide rows
 * already walked past.
 */
export function encodeCursor(key: readonly (string | number)[], order?: string): string {
  return Buffer.from(JSON.stringify(order === undefined ? key : [order, ...key])).toString('base64url');
}

/** The key a cursor carries: `length` values (after the order, when one is named); a 400 on /cursor otherwise. */
export function decodeCursor(cursor: string | undefined, length: number, order?: string): (string | number)[] | null {
  if (cursor === undefined) return null;
  const key = keyIn(cursor);
  if (!key || key.length !== length + (order === undefined ? 0 : 1))
    throw ProblemError.validation([{ pointer: '/cursor', detail: 'is not a nextCursor of this list' }]);
  if (order === undefined) return key;
  if (key[0] !== order)
    throw ProblemError.validation([{ pointer: '/cursor', detail: `belongs to another order (${String(key[0])}); start again without a cursor` }]);
  return key.slice(1);
}

function keyIn(cursor: string): (string | number)[] | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key as (string | number)[];
  } catch {
    // not a cursor: undefined
  }
  return undefined;
}

/** A page of a list computed whole (a few hundred groups or quarters at most): items after the cursor key. */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  const after = decodeCursor(cursor, 1)?.[0];
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > String(after));
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, limit);
  return { items: page, nextCursor: rest.length > limit && page.length > 0 ? encodeCursor([keyOf(page[page.length - 1]!)]) : null };
}

/** YYYY-MM-DD */
export const isoDateParameter = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });

/** A `cursor` query parameter decoded while the query is parsed: the sort key it carries (`length` texts). */
export function cursorParameter(length: number) {
  return PAGE_PARAMETERS.cursor.transform((value, context): string[] | undefined => {
    if (value === undefined) return undefined;
    const key = keyIn(value);
    if (key && key.length === length && key.every((part) => typeof part === 'string')) return key as string[];
    context.addIssue({ code: 'custom', message: 'is not a nextCursor of this list' });
    return z.NEVER;
  });
}

/** Today, the UTC calendar date. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
