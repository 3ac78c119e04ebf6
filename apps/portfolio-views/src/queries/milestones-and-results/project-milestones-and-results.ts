import type { Sql } from '../../sql.js';
import { INDICATOR_SELECT, indicatorScore, type IndicatorRow, type IndicatorScore } from '../results-scorecard/results-scorecard.js';
import { todayIso } from '../pagination.js';
import { jsonListSql } from '../sections.js';

export interface ProjectMilestone {
  milestoneId: string;
  category: string;
  title: string | null;
  status: 'planned' | 'achieved' | 'dropped';
  baselineDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  /** Actual (else forecast, else baseline) minus baseline, in days; positive is late. */
  slippageDays: number;
  /** Planned (forecast, else baseline) date before today, and neither achieved nor dropped. */
  overdue: boolean;
  rescheduleReason: string | null;
  dropReason: string | null;
}

export interface ProjectResult {
  resultId: string;
  /** IATI ResultType code (1 output, 2 outcome, 3 impact, 9 other). */
  resultType: string;
  title: string;
  indicators: Omit<IndicatorScore, 'projectId' | 'projectTitle' | 'cluster' | 'resultId'>[];
}

/** At most this many milestones and indicators per project (a results framework has a handful). */
export const PROJECT_MILESTONES_AND_RESULTS_CAP = 500;

interface MilestoneRow {
  milestone_id: string;
  category: string;
  title: string | null;
  status: ProjectMilestone['status'];
  baseline_on: string;
  forecast_on: string | null;
  actual_on: string | null;
  slippage_days: number;
  overdue: boolean;
  reschedule_reason: string | null;
  drop_reason: string | null;
}

/** The lists the project's milestones and results are made of, as SQL of one statement with these placeholders. */
export function milestonesAndResultsSql(project: string, today: string, limit: string): { milestones: string; results: string; indicators: string } {
  return {
    milestones: `select milestone_id, category, title, status, to_char(baseline_on, 'YYYY-MM-DD') as baseline_on, to_char(forecast_on, 'YYYY-MM-DD') as forecast_on,
            to_char(actual_on, 'YYYY-MM-DD') as actual_on, slippage_days, (status = 'planned' and planned_on < ${today}::date) as overdue, reschedule_reason, drop_reason
       from milestone_view where project_id = ${project} order by baseline_on, milestone_id limit ${limit}`,
    results: `select result_id, result_type, title from result_view where project_id = ${project} order by result_id limit ${limit}`,
    indicators: `select ${INDICATOR_SELECT} from indicator_view i where i.project_id = ${project} order by i.indicator_id limit ${limit}`,
  };
}

export interface MilestonesAndResultsRows {
  milestones: MilestoneRow[];
  results: { result_id: string; result_type: string; title: string }[];
  indicators: IndicatorRow[];
}

/** A project's milestones (by baseline date) and results framework with each indicator's progress, for the project profile. */
export async function projectMilestonesAndResults(
  sql: Sql,
  projectId: string,
  today: string = todayIso(),
): Promise<{ milestones: ProjectMilestone[]; results: ProjectResult[] }> {
  const lists = milestonesAndResultsSql('$1', '$2', '$3');
  const [rows] = (await sql(
    `select ${jsonListSql(lists.milestones)} as milestones, ${jsonListSql(lists.results)} as results, ${jsonListSql(lists.indicators)} as indicators`,
    [projectId, today, PROJECT_MILESTONES_AND_RESULTS_CAP],
  )) as [MilestonesAndResultsRows];
  return milestonesAndResults(rows);
}

export function milestonesAndResults({ milestones, results, indicators }: MilestonesAndResultsRows): {
  milestones: ProjectMilestone[];
  results: ProjectResult[];
} {
  return {
    milestones: milestones.map((m) => ({
      milestoneId: m.milestone_id,
      category: m.category,
      title: m.title,
      status: m.status,
      baselineDate: m.baseline_on,
      forecastDate: m.forecast_on,
      actualDate: m.actual_on,
      slippageDays: m.slippage_days,
      overdue: m.overdue,
      rescheduleReason: m.reschedule_reason,
      dropReason: m.drop_reason,
    })),
    results: results.map((r) => ({
      resultId: r.result_id,
      resultType: r.result_type,
      title: r.title,
      indicators: indicators
        .filter((i) => i.result_id === r.result_id)
        .map((i) => {
          const { projectId: _project, projectTitle: _title, cluster: _cluster, resultId: _result, ...indicator } = indicatorScore(i);
          return indicator;
        }),
    })),
  };
}
