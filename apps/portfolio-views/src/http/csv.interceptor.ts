import { negotiateMediaType, ProblemError, problemType, toCsv } from '@ecab/platform';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, Optional } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import type { ViewQuery } from '../queries/view-query.js';
import { VIEW_QUERY_LIST, viewQueryOf } from './view-query-route.js';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  originalUrl?: string;
  url: string;
  protocol?: string;
  get?(name: string): string | undefined;
}

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

export const CSV = 'text/csv';
export const JSON_TYPE = 'application/json';
export const NEXT_CURSOR_HEADER = 'ECAB-Next-Cursor';

/**
 * Content negotiation for reads: a query declared `csv: true` answers its `{ items, nextCursor }` as RFC
 * 4180 CSV when the client prefers `text/csv` (Accept), as an attachment named after the query, with the
 * next page's cursor in `ECAB-Next-Cursor` and a `Link: <…>; rel="next"`. An Accept naming nothing the
 * query can answer is a 406 problem, before the query runs.
 */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  private readonly queries: readonly ViewQuery[];

  constructor(@Optional() @Inject(VIEW_QUERY_LIST) queries?: readonly ViewQuery[]) {
    this.queries = queries ?? VIEW_QUERIES;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const query = viewQueryOf(context, this.queries);
    if (!query) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const accept = request.headers.accept;
    const offered = query.csv ? [JSON_TYPE, CSV] : [JSON_TYPE];
    // The answer depends on Accept for a list: caches must keep the JSON and the CSV apart.
    if (query.csv) http.getResponse<HttpResponse>().setHeader('Vary', 'Accept');
    const chosen = negotiateMediaType(Array.isArray(accept) ? accept.join(',') : accept, offered);
    if (chosen === undefined) {
      throw new ProblemError({
        type: problemType('not-acceptable'),
        status: 406,
        detail: `${query.name} answers ${offered.join(' or ')}; the Accept header asks for none of them.`,
        available: offered,
      });
    }
    if (chosen !== CSV) return next.handle();
    const response = http.getResponse<HttpResponse>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const { items, nextCursor } = (answer ?? {}) as { items?: unknown; nextCursor?: unknown };
        if (!Array.isArray(items)) throw new Error(`${query.name} is declared csv but did not answer { items }`);
        response.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
        response.setHeader('Content-Disposition', `attachment; filename="${query.name}.csv"`);
        if (typeof nextCursor === 'string' && nextCursor !== '') {
          response.setHeader(NEXT_CURSOR_HEADER, nextCursor);
          response.setHeader('Link', `<${nextPageUrl(request, nextCursor)}>; rel="next"`);
        }
        return toCsv(items);
      }),
    );
  }
}

/** The same request with `cursor` set to the next page's (relative: path and query). */
function nextPageUrl(request: HttpRequest, cursor: string): string {
  const url = new URL(request.originalUrl ?? request.url, 'http://views.invalid');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}
