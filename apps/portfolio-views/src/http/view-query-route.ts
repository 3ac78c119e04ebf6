import type { ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import type { ViewQuery } from '../queries/view-query.js';

/** Nest token of the query declarations the read interceptors match routes against (default VIEW_QUERIES). */
export const VIEW_QUERY_LIST = Symbol('VIEW_QUERY_LIST');

/** The route of a handler as declared on its method (`@Get('projects/:id')`), without the controller's prefix. */
export function handlerPath(handler: object): string | undefined {
  const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
  return typeof path === 'string' ? path.replace(/^\/+/, '') : undefined;
}

/**
 * The query declaration a request is answered by (matched on the handler's route, the same `path` the
 * controller's `@Get` uses), or undefined for any other route (health, admin, metrics…).
 */
export function viewQueryOf(context: ExecutionContext, queries: readonly ViewQuery[] = VIEW_QUERIES): ViewQuery | undefined {
  if (context.getType() !== 'http') return undefined;
  const path = handlerPath(context.getHandler());
  if (path === undefined) return undefined;
  return queries.find((q) => q.path === path);
}
