import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor, Optional } from '@nestjs/common';
import { from, type Observable, switchMap } from 'rxjs';
import type { DataSource } from 'typeorm';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import { parseConsistencyToken, waitForVersion, type ConsistencyToken } from '../queries/consistency.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from '../queries/tokens.js';
import { LAG_HEADER, POSITION_HEADER, readFreshness } from './freshness.js';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import type { ViewQuery } from '../queries/view-query.js';
import { VIEW_QUERY_LIST, viewQueryOf } from './view-query-route.js';

interface HeaderSink {
  setHeader(name: string, value: string): void;
}

interface QueryRequest {
  query?: Record<string, unknown>;
}

/**
 * Every read (a route declared in VIEW_QUERIES) answers `ECAB-Position` and `ECAB-Lag-Ms`, read just
 * before the query runs: the answer reflects at least that position. A `consistentWith` token is waited
 * for first (the reader's own wait then finds it applied), so the position covers it. Error answers
 * carry the headers too.
 */
@Injectable()
export class FreshnessInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Freshness');

  private readonly queries: readonly ViewQuery[];

  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Optional() private readonly projection?: PortfolioProjection,
    @Optional() @Inject(VIEWS_OPTIONS) private readonly options?: ViewsOptions,
    @Optional() @Inject(VIEW_QUERY_LIST) queries?: readonly ViewQuery[],
  ) {
    this.queries = queries ?? VIEW_QUERIES;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!viewQueryOf(context, this.queries)) return next.handle();
    const http = context.switchToHttp();
    const response = http.getResponse<HeaderSink>();
    const token = this.tokenOf(http.getRequest<QueryRequest>());
    const waited = token && this.projection && this.options ? waitForVersion(this.projection, token, this.options.consistencyWaitMs) : Promise.resolve();
    return from(
      waited.then(() =>
        readFreshness(this.dataSource).then(
          ({ position, lagMs }) => {
            response.setHeader(POSITION_HEADER, position);
            response.setHeader(LAG_HEADER, String(lagMs));
          },
          // A generation of an older shape (no position column yet, while a rebuild runs): answer without them.
          (error: unknown) => this.logger.warn(`no freshness headers: ${error instanceof Error ? error.message : String(error)}`),
        ),
      ),
    ).pipe(switchMap(() => next.handle()));
  }

  /** The request's consistency token; a malformed one is left to the query, which reports it with the rest. */
  private tokenOf(request: QueryRequest): ConsistencyToken | undefined {
    const raw = request.query?.consistentWith;
    if (typeof raw !== 'string') return undefined;
    try {
      return parseConsistencyToken(raw);
    } catch {
      return undefined;
    }
  }
}
