import { ProblemError } from '@ecab/platform';
import { z } from 'zod';

/**
 * Keyset pagination: a page ends with an opaque cursor naming the order it belongs to and the key of
 * its last row (the sort key's values as PostgreSQL printed them, then the unique tie-breakers); the
 * next page starts strictly after that key. No offset: a page costs the same at any depth, and rows
 * added meanwhile neither repeat nor hide rows already walked past.
 */
export const cursorParameter = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor of an earlier page')
  .optional()
  .describe('The `nextCursor` of the previous page (opaque)');

/** The page size, as every list takes it. */
export { LIMIT_PARAMETER as limitParameter } from './pagination.js';

export function encodeCursor(order: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ o: order, k: key }), 'utf8').toString('base64url');
}

/** The key a cursor carries, when it was made for `order` with `length` values; a 400 on /cursor otherwise. */
export function decodeCursor(raw: string | undefined, order: string, length: number): (string | number)[] | undefined {
  if (raw === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const cursor = decoded as { o?: unknown; k?: unknown } | undefined;
  const key = cursor?.k;
  if (typeof cursor !== 'object' || cursor === null || !Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw ProblemError.validation([{ pointer: '/cursor', detail: 'is not a nextCursor of this list' }]);
  }
  if (cursor.o !== order) throw ProblemError.validation([{ pointer: '/cursor', detail: `belongs to another order (${String(cursor.o)}); start again without a cursor` }]);
  return key as (string | number)[];
}
