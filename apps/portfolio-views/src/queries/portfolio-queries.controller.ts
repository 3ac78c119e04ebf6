import { CLUSTERS, formatAmount, toMinorUnits } from '@ecab/domain';
import { ProblemError } from '@ecab/platform';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ProjectSummaryProjection } from '../projections/project-summary.projection.js';
import { parseConsistencyToken, waitForVersion } from './consistency.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from './tokens.js';

export interface MoneyByCurrency {
  currency: string;
  committed: string;
  disbursed: string;
}

export interface ClusterSummary {
  cluster: string;
  projects: number;
  financing: MoneyByCurrency[];
}

export interface ProjectView {
  id: string;
  title: string;
  cluster: string;
  countries: { code: string; percentage: number }[];
  version: number;
  registeredAt: string;
  updatedAt: string;
  /** IATI ActivityStatus code (1 pipeline … 6 suspended) and the portfolio stage derived from it. */
  status: string | null;
  stage: string | null;
  titles: Record<string, string> | null;
  financing: MoneyByCurrency[];
  /** How many events the project has lived, over all of its streams. */
  activityCount: number;
  /** The latest events (at most ACTIVITY_LIMIT), oldest first. */
  activity: ActivityEntry[];
}

export interface ActivityEntry {
  streamId: string;
  version: number;
  type: string;
  /** When it happened in the world (YYYY-MM-DD), when the event says. */
  effectiveDate: string | null;
  /** When the platform learned it. */
  recordedAt: string;
  data: Record<string, unknown>;
}

export const ACTIVITY_LIMIT = 200;

/** PostgreSQL's numeric keeps whatever scale it summed; the API answers in the currency's own decimals. */
function canonical(money: MoneyByCurrency): MoneyByCurrency {
  const { currency } = money;
  return {
    currency,
    committed: formatAmount(toMinorUnits({ amount: money.committed, currency })),
    disbursed: formatAmount(toMinorUnits({ amount: money.disbursed, currency })),
  };
}

@Controller('api/v1')
export class PortfolioQueriesController {
  constructor(
    @Inject(VIEWS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly projection: ProjectSummaryProjection,
    @Inject(VIEWS_OPTIONS) private readonly options: ViewsOptions,
  ) {}

  /** Per cluster: how many projects, and committed/disbursed money per currency (decimal strings). */
  @Get('portfolio/summary')
  async summary(@Query('consistentWith') consistentWith?: string): Promise<{ clusters: ClusterSummary[] }> {
    const token = parseConsistencyToken(consistentWith);
    if (token) await waitForVersion(this.projection, token, this.options.consistencyWaitMs);
    const counts: { cluster: string; projects: number }[] = await this.dataSource.query(
      'select cluster, count(*)::int as projects from project_summary group by cluster',
    );
    const money: ({ cluster: string } & MoneyByCurrency)[] = await this.dataSource.query(
      `select s.cluster, f.currency, sum(f.committed)::text as committed, sum(f.disbursed)::text as disbursed
         from project_financing f join project_summary s using (project_id)
        group by s.cluster, f.currency order by f.currency`,
    );
    const clusters = CLUSTERS.map((cluster) => ({
      cluster,
      projects: counts.find((c) => c.cluster === cluster)?.projects ?? 0,
      financing: money.filter((m) => m.cluster === cluster).map(canonical),
    }));
    return { clusters };
  }

  @Get('projects/:id')
  async project(@Param('id') id: string, @Query('consistentWith') consistentWith?: string): Promise<ProjectView> {
    const token = parseConsistencyToken(consistentWith);
    if (token) await waitForVersion(this.projection, token, this.options.consistencyWaitMs);
    const rows: {
      project_id: string;
      title: string;
      cluster: string;
      countries: ProjectView['countries'];
      version: number;
      registered_at: Date;
      updated_at: Date;
      status: string | null;
      stage: string | null;
      titles: Record<string, string> | null;
    }[] = await this.dataSource.query('select * from project_summary where project_id = $1', [id]);
    const row = rows[0];
    if (!row) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
    const financing: MoneyByCurrency[] = await this.dataSource.query(
      'select currency, committed::text as committed, disbursed::text as disbursed from project_financing where project_id = $1 order by currency',
      [id],
    );
    const [{ count }] = (await this.dataSource.query('select count(*)::int as count from project_activity where project_id = $1', [id])) as [{ count: number }];
    const activity: { stream_id: string; stream_version: number; type: string; effective_date: string | null; recorded_at: Date; data: Record<string, unknown> }[] =
      await this.dataSource.query(
        `select * from (
           select stream_id, stream_version, type, to_char(effective_date, 'YYYY-MM-DD') as effective_date, recorded_at, data
             from project_activity where project_id = $1
            order by recorded_at desc, stream_id desc, stream_version desc limit $2
         ) latest order by recorded_at, stream_id, stream_version`,
        [id, ACTIVITY_LIMIT],
      );
    return {
      id: row.project_id,
      title: row.title,
      cluster: row.cluster,
      countries: row.countries,
      version: row.version,
      registeredAt: row.registered_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      status: row.status,
      stage: row.stage,
      titles: row.titles,
      financing: financing.map(canonical),
      activityCount: count,
      activity: activity.map((a) => ({
        streamId: a.stream_id,
        version: a.stream_version,
        type: a.type,
        effectiveDate: a.effective_date,
        recordedAt: a.recorded_at.toISOString(),
        data: a.data,
      })),
    };
  }
}
