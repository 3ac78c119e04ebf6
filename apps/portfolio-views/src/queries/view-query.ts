import { z } from 'zod';

/**
 * The parameters every read accepts, whatever it answers: read your writes (`consistentWith`), and time
 * travel — the view as recorded at a past instant (`recordedAt`: what the platform knew then) or as
 * effective on a date (`effectiveOn`: what had happened in the world by then, as known now).
 */
export const READ_PARAMETERS = {
  consistentWith: z
    .string()
    .max(220)
    .optional()
    .describe("A command's `consistentWith` token (`<projectId>:<version>` or `<streamId>@<version>`): wait until the view reflects it"),
  recordedAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-03-31T23:59:59Z' })
    .optional()
    .describe('Answer as the platform knew it at this instant'),
  effectiveOn: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).optional().describe('Answer with what had happened in the world by the end of this date'),
};

/**
 * One read endpoint, declared once: the path, what it answers, the query parameters it accepts (a strict
 * zod object, so an unknown parameter is a 400 naming it). The same declaration validates the request
 * and writes the OpenAPI document; `csv` lists answer `text/csv` when asked (`Accept: text/csv`).
 */
export interface ViewQuery<Q extends z.ZodType = z.ZodType> {
  name: string;
  /** Nest route under /api/v1, e.g. `projects/:id/timeline`. */
  path: string;
  summary: string;
  description?: string;
  /** Path parameters, in order, as they appear in `path`. */
  pathParameters?: readonly string[];
  query: Q;
  /** A list answered as `{ items: [...] }`, also available as CSV. */
  csv?: boolean;
  tag: string;
}

export function defineQuery<Q extends z.ZodType>(query: ViewQuery<Q>): ViewQuery<Q> {
  return query;
}
