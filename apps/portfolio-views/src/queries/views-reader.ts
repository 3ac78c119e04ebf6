import { ProblemError, parseOrProblem } from '@ecab/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import type { Sql } from '../projections/view-family.js';
import { parseConsistencyToken, waitForVersion } from './consistency.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from './tokens.js';
import type { ViewQuery } from './view-query.js';

/** How a read is answered: now (optionally after a version is applied), or as of a past instant or date. */
export interface ReadOptions {
  consistentWith?: string | undefined;
  recordedAt?: string | undefined;
  effectiveOn?: string | undefined;
}

/**
 * Every query reads through here: it validates the request against the query's declaration, honours
 * `consistentWith`, and runs the query's SQL against the tables that answer it — the live generation's
 * (the views in `public`), or, for time travel, tables replayed from the event store.
 */
@Injectable()
export class ViewsReader {
  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly projection: PortfolioProjection,
    @Inject(VIEWS_OPTIONS) private readonly options: ViewsOptions,
  ) {}

  /** The request's query string, checked against the query's declaration (400 with every field's problem). */
  parameters<Q extends z.ZodType>(query: ViewQuery<Q>, raw: unknown): z.output<Q> {
    return parseOrProblem(query.query, raw ?? {});
  }

  async read<T>(options: ReadOptions, run: (sql: Sql) => Promise<T>): Promise<T> {
    const token = parseConsistencyToken(options.consistentWith);
    if (token) await waitForVersion(this.projection, token, this.options.consistencyWaitMs);
    if (options.recordedAt !== undefined || options.effectiveOn !== undefined) {
      throw ProblemError.validation([{ pointer: options.recordedAt !== undefined ? '/recordedAt' : '/effectiveOn', detail: 'time travel is not available on this query yet' }]);
    }
    return run((text, params) => this.dataSource.query(text, params as unknown[] | undefined));
  }
}
