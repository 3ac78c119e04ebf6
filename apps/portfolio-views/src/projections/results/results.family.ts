import type { PortfolioEvent } from '@ecab/contracts';
import { coded, MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

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
  async apply(sql, event) {
    if (!event.streamId.startsWith('results-')) return;
    const projectId = projectOf(event);
    switch (event.type) {
      case 'ResultDefined':
        await sql(
          `insert into result_view (project_id, result_id, result_type, title) values ($1, $2, $3, $4)
           on conflict (project_id, result_id) do update set result_type = excluded.result_type, title = excluded.title`,
          [projectId, text(event, 'resultId'), coded(event, 'resultType'), text(event, 'title')],
        );
        return;
      case 'IndicatorDefined': {
        const ascending = event.data.ascending;
        if (typeof ascending !== 'boolean') throw new MalformedEventError(event, 'ascending');
        await sql(
          `insert into indicator_view (project_id, indicator_id, result_id, title, measure, ascending, unit, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (project_id, indicator_id) do nothing`,
          [projectId, text(event, 'indicatorId'), text(event, 'resultId'), text(event, 'title'), coded(event, 'measure'), ascending, optionalText(event, 'unit'), event.time],
        );
        return;
      }
      case 'BaselineSet': {
        const year = event.data.year;
        if (typeof year !== 'number' || !Number.isInteger(year)) throw new MalformedEventError(event, 'year');
        await sql('update indicator_view set baseline_year = $3, baseline_value = $4, updated_at = $5 where project_id = $1 and indicator_id = $2', [
          projectId,
          text(event, 'indicatorId'),
          year,
          text(event, 'value'),
          event.time,
        ]);
        return;
      }
      case 'TargetSet': {
        const { start, end } = period(event);
        await sql(
          `insert into indicator_target (project_id, indicator_id, period_start, period_end, value) values ($1, $2, $3, $4, $5)
           on conflict (project_id, indicator_id, period_start, period_end) do update set value = excluded.value`,
          [projectId, text(event, 'indicatorId'), start, end, text(event, 'value')],
        );
        await refreshTarget(sql, projectId, text(event, 'indicatorId'), event.time);
        return;
      }
      case 'ActualReported':
      case 'ActualVerified':
      case 'ActualRejected': {
        const { start, end } = period(event);
        const status = event.type === 'ActualReported' ? 'reported' : event.type === 'ActualVerified' ? 'verified' : 'rejected';
        await sql(
          `insert into indicator_actual (project_id, indicator_id, period_start, period_end, value, status, reason) values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (project_id, indicator_id, period_start, period_end) do update set value = excluded.value, status = excluded.status, reason = excluded.reason`,
          [projectId, text(event, 'indicatorId'), start, end, text(event, 'value'), status, status === 'rejected' ? optionalText(event, 'reason') : null],
        );
        await refreshActual(sql, projectId, text(event, 'indicatorId'), event.time);
        return;
      }
      default:
        return;
    }
  },
};

/** The end target: the one whose period ends last. */
async function refreshTarget(sql: Sql, projectId: string, indicatorId: string, time: string): Promise<void> {
  await sql(
    `update indicator_view i set (target_value, target_period_start, target_period_end) = (
         select t.value, t.period_start, t.period_end from indicator_target t
          where t.project_id = i.project_id and t.indicator_id = i.indicator_id
          order by t.period_end desc, t.period_start desc limit 1),
       updated_at = $3
     where i.project_id = $1 and i.indicator_id = $2`,
    [projectId, indicatorId, time],
  );
}

/** The latest verified actual, else the latest reported one; rejected ones never count. */
async function refreshActual(sql: Sql, projectId: string, indicatorId: string, time: string): Promise<void> {
  await sql(
    `update indicator_view i set (actual_value, actual_verified, actual_period_start, actual_period_end) = (
         select a.value, a.status = 'verified', a.period_start, a.period_end from indicator_actual a
          where a.project_id = i.project_id and a.indicator_id = i.indicator_id and a.status <> 'rejected'
          order by a.status = 'verified' desc, a.period_end desc, a.period_start desc limit 1),
       updated_at = $3
     where i.project_id = $1 and i.indicator_id = $2`,
    [projectId, indicatorId, time],
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function period(event: PortfolioEvent): { start: string; end: string } {
  const value = event.data.period as { start?: unknown; end?: unknown } | undefined;
  const start = value?.start;
  const end = value?.end;
  if (typeof start !== 'string' || !ISO_DATE.test(start) || typeof end !== 'string' || !ISO_DATE.test(end)) throw new MalformedEventError(event, 'period');
  return { start, end };
}
