import type { PortfolioEvent } from '@ecab/contracts';
import { coded, MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * A project's results framework. Ids of results and indicators are unique within a project (the seed
 * gives every project an indicator KEY-1), so each key starts with the project.
 *
 * - result_view: the results (IATI result type, title).
 * - indicator_view: one row per indicator with its baseline, its target (the one for the period that
 *   ends last: the end target) and its actual — the latest verified one, else the latest reported one
 *   (`actual_verified` says which); a rejected actual never counts.
 * - indicator_target / indicator_actual: every period's target and actual (with its verification
 *   status), from which the indicator's row is recomputed on every change.
 * Values are kept as recorded (decimal strings; free text for qualitative indicators).
 */
export const resultsFamily: ViewFamily = {
  name: 'results',
  tables: [
    {
      name: 'result_view',
      key: ['project_id', 'result_id'],
      ddl: [
        `create table result_view (
           project_id  text not null,
           result_id   text not null,
           result_type text not null,
           title       text not null,
           primary key (project_id, result_id)
         )`,
      ],
    },
    {
      name: 'indicator_view',
      key: ['project_id', 'indicator_id'],
      ddl: [
        `create table indicator_view (
           project_id          text not null,
           indicator_id        text not null,
           result_id           text not null,
           title               text not null,
           measure             text not null,
           ascending           boolean not null,
           unit                text,
           baseline_year       integer,
           baseline_value      text,
           target_value        text,
           target_period_start date,
           target_period_end   date,
           actual_value        text,
           actual_verified     boolean,
           actual_period_start date,
           actual_period_end   date,
           updated_at          timestamptz not null,
           primary key (project_id, indicator_id)
         )`,
      ],
    },
    {
      name: 'indicator_target',
      key: ['project_id', 'indicator_id', 'period_start', 'period_end'],
      ddl: [
        `create table indicator_target (
           project_id   text not null,
           indicator_id text not null,
           period_start date not null,
           period_end   date not null,
           value        text not null,
           primary key (project_id, indicator_id, period_start, period_end)
         )`,
      ],
    },
    {
      name: 'indicator_actual',
      key: ['project_id', 'indicator_id', 'period_start', 'period_end'],
      ddl: [
        `create table indicator_actual (
           project_id   text not null,
           indicator_id text not null,
           period_start date not null,
           period_end   date not null,
           value        text not null,
           status       text not null check (status in ('reported', 'verified', 'rejected')),
           reason       text,
           primary key (project_id, indicator_id, period_start, period_end)
         )`,
      ],
    },
  ],
  needs(event, rows) {
    if (!event.streamId.startsWith('results-') || event.type === 'ResultDefined') return;
    const indicator = [projectOf(event), text(event, 'indicatorId')];
    rows.need('indicator_view', indicator);
    if (event.type === 'TargetSet') rows.need('indicator_target', indicator, BY_INDICATOR);
    if (ACTUAL_STATUS[event.type]) rows.need('indicator_actual', indicator, BY_INDICATOR);
  },
  change(event, rows) {
    if (!event.streamId.startsWith('results-')) return;
    const projectId = projectOf(event);
    if (event.type === 'ResultDefined') {
      rows.put('result_view', {
        project_id: projectId,
        result_id: text(event, 'resultId'),
        result_type: coded(event, 'resultType'),
        title: text(event, 'title'),
      });
      return;
    }
    const indicatorId = text(event, 'indicatorId');
    const indicator = rows.get<IndicatorRow>('indicator_view', [projectId, indicatorId]);
    switch (event.type) {
      case 'IndicatorDefined': {
        const ascending = event.data.ascending;
        if (typeof ascending !== 'boolean') throw new MalformedEventError(event, 'ascending');
        const defined = {
          result_id: text(event, 'resultId'),
          title: text(event, 'title'),
          measure: coded(event, 'measure'),
          unit: optionalText(event, 'unit'),
        };
        if (indicator) return;
        rows.put('indicator_view', { ...NO_FIGURES, project_id: projectId, indicator_id: indicatorId, ...defined, ascending, updated_at: event.time });
        return;
      }
      case 'BaselineSet': {
        const year = event.data.year;
        if (typeof year !== 'number' || !Number.isInteger(year)) throw new MalformedEventError(event, 'year');
        if (indicator) rows.update('indicator_view', indicator, { baseline_year: year, baseline_value: text(event, 'value'), updated_at: event.time });
        return;
      }
      case 'TargetSet': {
        const { start, end } = period(event);
        rows.put('indicator_target', { project_id: projectId, indicator_id: indicatorId, period_start: start, period_end: end, value: text(event, 'value') });
        if (!indicator) return;
        // The end target: the one whose period ends last.
        const [target] = rows.where<PeriodRow>('indicator_target', { project_id: projectId, indicator_id: indicatorId }).sort(latestFirst);
        rows.update('indicator_view', indicator, {
          target_value: target?.value ?? null,
          target_period_start: target?.period_start ?? null,
          target_period_end: target?.period_end ?? null,
          updated_at: event.time,
        });
        return;
      }
      default: {
        const status = ACTUAL_STATUS[event.type];
        if (!status) return;
        const { start, end } = period(event);
        rows.put('indicator_actual', {
          project_id: projectId,
          indicator_id: indicatorId,
          period_start: start,
          period_end: end,
          value: text(event, 'value'),
          status,
          reason: status === 'rejected' ? optionalText(event, 'reason') : null,
        });
        if (!indicator) return;
        // The latest verified actual, else the latest reported one; rejected ones never count.
        const [actual] = rows
          .where<PeriodRow & { status: string }>('indicator_actual', { project_id: projectId, indicator_id: indicatorId })
          .filter((a) => a.status !== 'rejected')
          .sort((a, b) => Number(b.status === 'verified') - Number(a.status === 'verified') || latestFirst(a, b));
        rows.update('indicator_view', indicator, {
          actual_value: actual?.value ?? null,
          actual_verified: actual ? actual.status === 'verified' : null,
          actual_period_start: actual?.period_start ?? null,
          actual_period_end: actual?.period_end ?? null,
          updated_at: event.time,
        });
      }
    }
  },
};

/** Targets and actuals are read per indicator: its row is recomputed from all of them. */
const BY_INDICATOR = ['project_id', 'indicator_id'];

const ACTUAL_STATUS: Readonly<Record<string, 'reported' | 'verified' | 'rejected'>> = {
  ActualReported: 'reported',
  ActualVerified: 'verified',
  ActualRejected: 'rejected',
};

interface IndicatorRow {
  [column: string]: unknown;
}

interface PeriodRow {
  [column: string]: unknown;
  period_start: string;
  period_end: string;
  value: string;
}

const NO_FIGURES = {
  baseline_year: null,
  baseline_value: null,
  target_value: null,
  target_period_start: null,
  target_period_end: null,
  actual_value: null,
  actual_verified: null,
  actual_period_start: null,
  actual_period_end: null,
};

/** The period that ends last first (then the one that starts last). */
function latestFirst(a: PeriodRow, b: PeriodRow): number {
  return b.period_end.localeCompare(a.period_end) || b.period_start.localeCompare(a.period_start);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function period(event: PortfolioEvent): { start: string; end: string } {
  const value = event.data.period as { start?: unknown; end?: unknown } | undefined;
  const start = value?.start;
  const end = value?.end;
  if (typeof start !== 'string' || !ISO_DATE.test(start) || typeof end !== 'string' || !ISO_DATE.test(end)) throw new MalformedEventError(event, 'period');
  return { start, end };
}
