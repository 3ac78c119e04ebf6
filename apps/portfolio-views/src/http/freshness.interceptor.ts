import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor, type OnModuleDestroy, Optional } from '@nestjs/common';
import { from, type Observable, switchMap } from 'rxjs';
import type { DataSource } from 'typeorm';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import { parseConsistencyToken, waitForVersion, type ConsistencyToken } from '../queries/consistency.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from '../queries/tokens.js';
import { currentReadContext } from '../queries/time-travel/read-context.js';
import { LAG_HEADER, POSITION_HEADER, readFreshness } from './freshness.js';
import { DEFAULT_FRESHNESS_MAX_AGE_MS, FreshnessCache } from './freshness-cache.js';
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
 * Every read (a route declared in VIEW_QUERIES) answers `ECAB-Position` and `ECAB-Lag-Ms`, read before the
 * query runs (by this request, or by one shortly before it: FreshnessCache): the answer reflects at least
 * that position. A `consistentWith` token is waited for first (the reader's own wait then finds it
 * applied) and the position then covers it: read anew, unless this instance applied the version itself
 * (the cache keeps no reading from before that apply). Error answers carry the headers too.
 */
@Injectable()
export class FreshnessInterceptor implements NestInterceptor, OnModuleDestroy {
  private readonly logger = new Logger('Freshness');

  private readonly queries: readonly ViewQuery[];

  private readonly cache: FreshnessCache;

  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Optional() private readonly projection?: PortfolioProjection,
    @Optional() @Inject(VIEWS_OPTIONS) private readonly options?: ViewsOptions,
    @Optional() @Inject(VIEW_QUERY_LIST) queries?: readonly ViewQuery[],
  ) {
    this.queries = queries ?? VIEW_QUERIES;
    this.cache = new FreshnessCache(() => readFreshness(this.dataSource), this.options?.freshnessMaxAgeMs ?? DEFAULT_FRESHNESS_MAX_AGE_MS);
    // What this process applies shows at once; another instance's applies within the cache's age.
    this.unsubscribe = this.projection?.onApplied(() => this.cache.invalidate());
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!viewQueryOf(context, this.queries)) return next.handle();
    const http = context.switchToHttp();
    const response = http.getResponse<HeaderSink>();
    const raw = http.getRequest<QueryRequest>().query?.consistentWith;
    const token = this.tokenOf(raw);
    const { projection, options } = this;
    const read = currentReadContext();
    const waited =
      token && projection && options
        ? waitForVersion(projection, token, options.consistencyWaitMs).then((outcome) => {
            if (read && typeof raw === 'string') read.consistentWithApplied = raw;
            return outcome;
          })
        : undefined;
    return from(
      (waited ?? Promise.resolve(undefined)).then((outcome) =>
        // A version this instance applied invalidated the cache when it was applied: any reading it still
        // offers began after that apply and covers it. One found by a read needs a reading begun after it.
        this.cache.freshness({ readNow: outcome !== undefined && !outcome.appliedHere }).then(
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
  private tokenOf(raw: unknown): ConsistencyToken | undefined {
    if (typeof raw !== 'string') return undefined;
    try {
      return parseConsistencyToken(raw);
    } catch {
      return undefined;
    }
  }
}
