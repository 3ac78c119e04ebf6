import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor, Optional } from '@nestjs/common';
import { from, type Observable, switchMap } from 'rxjs';
import type { DataSource } from 'typeorm';
import { VIEWS_DATA_SOURCE } from '../queries/tokens.js';
import { LAG_HEADER, POSITION_HEADER, readFreshness } from './freshness.js';
import { VIEW_QUERIES } from '../queries/view-queries.js';
import type { ViewQuery } from '../queries/view-query.js';
import { VIEW_QUERY_LIST, viewQueryOf } from './view-query-route.js';

interface HeaderSink {
  setHeader(name: string, value: string): void;
}

/**
 * Every read (a route declared in VIEW_QUERIES) answers `ECAB-Position` and `ECAB-Lag-Ms`, read just
 * before the query runs: the answer reflects at least that position. Error answers carry them too.
 */
@Injectable()
export class FreshnessInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Freshness');

  private readonly queries: readonly ViewQuery[];

  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Optional() @Inject(VIEW_QUERY_LIST) queries?: readonly ViewQuery[],
  ) {
    this.queries = queries ?? VIEW_QUERIES;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!viewQueryOf(context, this.queries)) return next.handle();
    const response = context.switchToHttp().getResponse<HeaderSink>();
    return from(
      readFreshness(this.dataSource).then(
        ({ position, lagMs }) => {
          response.setHeader(POSITION_HEADER, position);
          response.setHeader(LAG_HEADER, String(lagMs));
        },
        // A generation of an older shape (no position column yet, while a rebuild runs): answer without them.
        (error: unknown) => this.logger.warn(`no freshness headers: ${error instanceof Error ? error.message : String(error)}`),
      ),
    ).pipe(switchMap(() => next.handle()));
  }
}
