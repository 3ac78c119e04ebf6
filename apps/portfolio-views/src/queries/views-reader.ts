import { ProblemError, parseOrProblem } from '@ecab/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import { VIEW_FAMILIES } from '../projections/view-families.js';
import type { Sql } from '../sql.js';
import { parseConsistencyToken, waitForVersion } from './consistency.js';
import { PreparedSql } from './prepared-sql.js';
import { almatyDate } from './time-travel/effective-on.js';
import { currentReadContext } from './time-travel/read-context.js';
import { TimeTravel } from './time-travel/time-travel.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from './tokens.js';
import type { ViewQuery } from './view-query.js';

/** How a read is answered: now (optionally after a version is applied), or as of a past instant or date. */
export interface ReadOptions {
  consistentWith?: string | undefined;
  recordedAt?: string | undefined;
  effectiveOn?: string | undefined;
}

/** The headers of an answer under time travel: which cut of the event store it reflects. */
export const AS_RECORDED_AT_HEADER = 'ECAB-As-Recorded-At';
export const AS_EFFECTIVE_ON_HEADER = 'ECAB-As-Effective-On';

/**
 * Every query reads through here: it validates the request against the query's declaration, honours
 * `consistentWith`, and runs the query's SQL against the tables that answer it — the live generation's
 * (the views in `public`), or, for time travel (`recordedAt`, `effectiveOn`, or both: the intersection),
 * tables replayed from the event store into a throw-away schema (`TimeTravel`), the answer then carrying
 * `ECAB-As-Recorded-At` / `ECAB-As-Effective-On`. A query of one project (`projects/:id…`) replays only
 * that project's events; a portfolio-wide one replays the whole store.
 */
@Injectable()
export class ViewsReader {
  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly projection: PortfolioProjection,
    @Inject(VIEWS_OPTIONS) private readonly options: ViewsOptions,
  ) {
    this.timeTravel = new TimeTravel(dataSource, VIEW_FAMILIES);
    this.prepared = new PreparedSql(dataSource);
  }

  private readonly timeTravel: TimeTravel;

  /** The live tables' reads, as prepared statements. */
  private readonly prepared: PreparedSql;

  /** The request's query string, checked against the query's declaration (400 with every field's problem). */
  parameters<Q extends z.ZodType>(query: ViewQuery<Q>, raw: unknown): z.output<Q> {
    return parseOrProblem(query.query, raw ?? {});
  }

  async read<T>(options: ReadOptions, run: (sql: Sql) => Promise<T>): Promise<T> {
    const travels = options.recordedAt !== undefined || options.effectiveOn !== undefined;
    if (travels) checkTimeTravel(options);
    const token = parseConsistencyToken(options.consistentWith);
    const context = currentReadContext();
    // Versions applied stay applied: a token the request already waited for (FreshnessInterceptor) is not read again.
    if (token && context?.consistentWithApplied !== options.consistentWith) await waitForVersion(this.projection, token, this.options.consistencyWaitMs);
    if (!travels) return run(this.prepared.sql);
    const answer = await this.timeTravel.read({ recordedAt: options.recordedAt, effectiveOn: options.effectiveOn, projectId: context?.projectId }, run);
    if (options.recordedAt !== undefined) context?.setHeader(AS_RECORDED_AT_HEADER, options.recordedAt);
    if (options.effectiveOn !== undefined) context?.setHeader(AS_EFFECTIVE_ON_HEADER, options.effectiveOn);
    return answer;
  }
}

/**
 * The past only: a recordedAt after now, or an effectiveOn after today (in Almaty, where effective dates
 * are measured — none may be in the future), would answer today's view under a future label. Malformed
 * values never get here (READ_PARAMETERS).
 */
function checkTimeTravel({ recordedAt, effectiveOn }: ReadOptions): void {
  const now = new Date();
  const problems: { pointer: string; detail: string }[] = [];
  if (recordedAt !== undefined) {
    const instant = new Date(recordedAt);
    if (Number.isNaN(instant.getTime())) problems.push({ pointer: '/recordedAt', detail: 'must be an ISO 8601 date-time, e.g. 2026-03-31T23:59:59Z' });
    else if (instant > now) problems.push({ pointer: '/recordedAt', detail: `must not be in the future (now is ${now.toISOString()})` });
  }
  if (effectiveOn !== undefined) {
    const today = almatyDate(now);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn)) problems.push({ pointer: '/effectiveOn', detail: 'must be a date, YYYY-MM-DD' });
    else if (effectiveOn > today) problems.push({ pointer: '/effectiveOn', detail: `must not be after today (${today} in Almaty)` });
  }
  if (problems.length > 0) throw ProblemError.validation(problems, 'Time travel goes to the past only.');
}
