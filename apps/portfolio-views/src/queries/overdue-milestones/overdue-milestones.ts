import type { Sql } from '../../sql.js';
import { encodeCursor, todayIso } from '../pagination.js';

export interface OverdueMilestonesParameters {
  /** The day to judge on, YYYY-MM-DD (default today, UTC). */
  on?: string | undefined;
  cluster?: string | undefined;
  /** ISO 3166-1 alpha-2: projects with this recipient country. */
  country?: string | undefined;
  /** At most this many (default and cap 500). */
  limit?: number | undefined;
  /** Items after this sort key ([plannedDate, projectId, milestoneId]: a page's last item). */
  after?: readonly string[] | undefined;
}

export interface OverdueMilestone {
  projectId: string;
  projectTitle: string | null;
  cluster: string | null;
  milestoneId: string;
  category: string;
  title: string | null;
  baselineDate: string;
  forecastDate: string | null;
  /** The date it is expected on: the forecast, else the baseline. */
  plannedDate: string;
  /** Forecast (else baseline) minus baseline, in days (docs/DOMAIN.md §2). */
  slippageDays: number;
  /** `on` minus the planned date, in days (≥ 1). */
  daysOverdue: number;
}

export const OVERDUE_MILESTONES_CAP = 500;

/**
 * Milestones overdue on a day (docs/DOMAIN.md §2: planned date passed, not achieved — and not dropped),
 * oldest planned date first. For the overdue-milestones query and the quarterly lists.
 */
export async function overdueMilestones(sql: Sql, parameters: OverdueMilestonesParameters = {}): Promise<OverdueMilestone[]> {
  const limit = Math.min(parameters.limit ?? OVERDUE_MILESTONES_CAP, OVERDUE_MILESTONES_CAP);
  const [afterDate, afterProject, afterMilestone] = parameters.after ?? [null, null, null];
  const rows: {
    project_id: string;
    project_title: string | null;
    cluster: string | null;
    milestone_id: string;
    category: string;
    title: string | null;
    baseline_on: string;
    forecast_on: string | null;
    planned_on: string;
    slippage_days: number;
    days_overdue: number;
  }[] = await sql(
    `select m.project_id, p.title as project_title, p.cluster, m.milestone_id, m.category, m.title,
            to_char(m.baseline_on, 'YYYY-MM-DD') as baseline_on, to_char(m.forecast_on, 'YYYY-MM-DD') as forecast_on,
            to_char(m.planned_on, 'YYYY-MM-DD') as planned_on, m.slippage_days, ($1::date - m.planned_on) as days_overdue
       from milestone_view m left join project_summary p on p.project_id = m.project_id
      where m.status = 'planned' and m.planned_on < $1::date
        and ($2::text is null or p.cluster = $2::text)
        and ($3::text is null or p.countries @> jsonb_build_array(jsonb_build_object('code', $3::text)))
        and ($4::date is null or (m.planned_on, m.project_id, m.milestone_id) > ($4::date, $5::text, $6::text))
      order by m.planned_on, m.project_id, m.milestone_id
      limit $7`,
    [parameters.on ?? todayIso(), parameters.cluster ?? null, parameters.country ?? null, afterDate, afterProject, afterMilestone, limit],
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    projectTitle: r.project_title,
    cluster: r.cluster,
    milestoneId: r.milestone_id,
    category: r.category,
    title: r.title,
    baselineDate: r.baseline_on,
    forecastDate: r.forecast_on,
    plannedDate: r.planned_on,
    slippageDays: r.slippage_days,
    daysOverdue: r.days_overdue,
  }));
}

/** One page: `limit` items and the cursor of the next page (null on the last). */
export async function overdueMilestonesPage(
  sql: Sql,
  parameters: OverdueMilestonesParameters & { limit: number },
): Promise<{ items: OverdueMilestone[]; nextCursor: string | null }> {
  const rows = await overdueMilestones(sql, { ...parameters, limit: parameters.limit + 1 });
  const items = rows.slice(0, parameters.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > parameters.limit && last ? encodeCursor([last.plannedDate, last.projectId, last.milestoneId]) : null };
}
