import type { Sql } from '../../sql.js';
import { encodeCursor } from '../pagination.js';

export interface ResultsScorecardParameters {
  cluster?: string | undefined;
  /** One project's indicators. */
  project?: string | undefined;
  /** At most this many (default and cap 500). */
  limit?: number | undefined;
  /** Items after this sort key ([projectId, indicatorId]: a page's last item). */
  after?: readonly string[] | undefined;
}

interface Period {
  start: string;
  end: string;
}

export interface IndicatorScore {
  projectId: string;
  projectTitle: string | null;
  cluster: string | null;
  resultId: string;
  indicatorId: string;
  title: string;
  /** IATI IndicatorMeasure code (1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative). */
  measure: string;
  /** False when lower is better (PM2.5, travel time). */
  ascending: boolean;
  unit: string | null;
  baseline: { year: number; value: string } | null;
  /** The end target: the one whose period ends last. */
  target: { value: string; period: Period } | null;
  /** The latest verified actual, else the latest reported one (`verified: false`); never a rejected one. */
  actual: { value: string; verified: boolean; period: Period } | null;
  /** (actual − baseline) ÷ (target − baseline), clamped 0–1; null when target = baseline or a value is missing or not numeric. */
  progress: number | null;
}

export const RESULTS_SCORECARD_CAP = 500;

const NUMERIC = `'^-?[0-9]+(\\.[0-9]+)?$'`;
const num = (column: string) => `(case when ${column} ~ ${NUMERIC} then ${column}::numeric end)`;

// greatest/least skip nulls: a missing value is caught before, never clamped into 0 or 1.
const RATIO = `((${num('i.actual_value')} - ${num('i.baseline_value')}) / nullif(${num('i.target_value')} - ${num('i.baseline_value')}, 0))`;

/** The indicator columns and their progress, computed on exact numerics; `i` is indicator_view. */
export const INDICATOR_SELECT = `
  i.project_id, i.result_id, i.indicator_id, i.title, i.measure, i.ascending, i.unit, i.baseline_year, i.baseline_value,
  i.target_value, to_char(i.target_period_start, 'YYYY-MM-DD') as target_period_start, to_char(i.target_period_end, 'YYYY-MM-DD') as target_period_end,
  i.actual_value, i.actual_verified, to_char(i.actual_period_start, 'YYYY-MM-DD') as actual_period_start, to_char(i.actual_period_end, 'YYYY-MM-DD') as actual_period_end,
  (case when ${num('i.target_value')} = ${num('i.baseline_value')} or ${RATIO} is null then null
        else greatest(0, least(1, ${RATIO}))
   end)::float8 as progress`;

export interface IndicatorRow {
  project_id: string;
  project_title?: string | null;
  cluster?: string | null;
  result_id: string;
  indicator_id: string;
  title: string;
  measure: string;
  ascending: boolean;
  unit: string | null;
  baseline_year: number | null;
  baseline_value: string | null;
  target_value: string | null;
  target_period_start: string | null;
  target_period_end: string | null;
  actual_value: string | null;
  actual_verified: boolean | null;
  actual_period_start: string | null;
  actual_period_end: string | null;
  progress: number | null;
}

export function indicatorScore(r: IndicatorRow): IndicatorScore {
  return {
    projectId: r.project_id,
    projectTitle: r.project_title ?? null,
    cluster: r.cluster ?? null,
    resultId: r.result_id,
    indicatorId: r.indicator_id,
    title: r.title,
    measure: r.measure,
    ascending: r.ascending,
    unit: r.unit,
    baseline: r.baseline_value !== null && r.baseline_year !== null ? { year: r.baseline_year, value: r.baseline_value } : null,
    target: r.target_value !== null ? { value: r.target_value, period: { start: r.target_period_start!, end: r.target_period_end! } } : null,
    actual:
      r.actual_value !== null
        ? { value: r.actual_value, verified: r.actual_verified === true, period: { start: r.actual_period_start!, end: r.actual_period_end! } }
        : null,
    progress: r.progress,
  };
}

/** Progress per indicator (docs/DOMAIN.md §2), by project then indicator. For the scorecard query and the quarterly lists. */
export async function resultsScorecard(sql: Sql, parameters: ResultsScorecardParameters = {}): Promise<IndicatorScore[]> {
  const limit = Math.min(parameters.limit ?? RESULTS_SCORECARD_CAP, RESULTS_SCORECARD_CAP);
  const [afterProject, afterIndicator] = parameters.after ?? [null, null];
  const rows: IndicatorRow[] = await sql(
    `select ${INDICATOR_SELECT}, p.title as project_title, p.cluster
       from indicator_view i left join project_summary p on p.project_id = i.project_id
      where ($1::text is null or p.cluster = $1::text)
        and ($2::text is null or i.project_id = $2::text)
        and ($3::text is null or (i.project_id, i.indicator_id) > ($3::text, $4::text))
      order by i.project_id, i.indicator_id
      limit $5`,
    [parameters.cluster ?? null, parameters.project ?? null, afterProject, afterIndicator, limit],
  );
  return rows.map(indicatorScore);
}

/** One page: `limit` items and the cursor of the next page (null on the last). */
export async function resultsScorecardPage(
  sql: Sql,
  parameters: ResultsScorecardParameters & { limit: number },
): Promise<{ items: IndicatorScore[]; nextCursor: string | null }> {
  const rows = await resultsScorecard(sql, { ...parameters, limit: parameters.limit + 1 });
  const items = rows.slice(0, parameters.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > parameters.limit && last ? encodeCursor([last.projectId, last.indicatorId]) : null };
}
