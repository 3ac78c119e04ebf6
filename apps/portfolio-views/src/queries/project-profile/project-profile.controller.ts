import { ProblemError } from '@ecab/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Sql } from '../../projections/view-family.js';
import { canonicalAmount } from '../money.js';
import type { MoneyByCurrency } from '../portfolio-summary/portfolio-summary.controller.js';
import { ViewsReader } from '../views-reader.js';
import { projectProfileQuery } from './project-profile.query.js';

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

@Controller('api/v1')
export class ProjectProfileController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(projectProfileQuery.path)
  async project(@Param('id') id: string, @Query() raw: unknown): Promise<ProjectView> {
    const parameters = this.reader.parameters(projectProfileQuery, raw);
    return this.reader.read(parameters, (sql) => readProject(sql, id));
  }
}

async function readProject(sql: Sql, id: string): Promise<ProjectView> {
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
  }[] = await sql('select * from project_summary where project_id = $1', [id]);
  const row = rows[0];
  if (!row) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
  const financing: MoneyByCurrency[] = await sql(
    `select currency,
            coalesce(sum(case kind when 'commitment' then amount when 'cancellation' then -amount end), 0)::text as committed,
            coalesce(sum(amount) filter (where kind = 'disbursement'), 0)::text as disbursed
       from money_movement where project_id = $1 and kind in ('commitment', 'cancellation', 'disbursement')
      group by currency order by currency`,
    [id],
  );
  const [{ count }] = (await sql('select count(*)::int as count from project_activity where project_id = $1', [id])) as [{ count: number }];
  const activity: { stream_id: string; stream_version: number; type: string; effective_date: string | null; recorded_at: Date; data: Record<string, unknown> }[] =
    await sql(
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
    financing: financing.map((m) => ({ currency: m.currency, committed: canonicalAmount(m.committed, m.currency), disbursed: canonicalAmount(m.disbursed, m.currency) })),
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
