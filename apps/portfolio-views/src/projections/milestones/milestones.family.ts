import type { PortfolioEvent } from '@ecab/contracts';
import { MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

/**
 * milestone_view: one row per milestone of a project (ids are unique within a project, so the key is
 * the pair). `planned_on` is the date it is expected on now (the forecast, else the baseline);
 * `slippage_days` = (actual, else forecast, else baseline) − baseline (DOMAIN.md §2), recomputed from
 * the dates on every change rather than copied from the event. Overdue is not stored: it depends on the
 * day asked about (see the overdue-milestones query).
 */
export const milestonesFamily: ViewFamily = {
  name: 'milestones',
  tables: [
    {
      name: 'milestone_view',
      ddl: [
        `create table milestone_view (
           project_id    text not null,
           milestone_id  text not null,
           category      text not null,
           title         text,
           baseline_on   date not null,
           forecast_on   date,
           actual_on     date,
           planned_on    date not null,
           status        text not null check (status in ('planned', 'achieved', 'dropped')),
           slippage_days integer not null default 0,
           reschedule_reason text,
           drop_reason   text,
           dropped_on    date,
           updated_at    timestamptz not null,
           primary key (project_id, milestone_id)
         )`,
        // The overdue list scans open milestones by the date they are planned on.
        `create index milestone_view_open on milestone_view (planned_on, project_id, milestone_id) where status = 'planned'`,
      ],
    },
  ],
  async apply(sql, event) {
    if (!event.streamId.startsWith('milestones-')) return;
    const projectId = projectOf(event);
    switch (event.type) {
      case 'MilestonePlanned':
        await sql(
          `insert into milestone_view (project_id, milestone_id, category, title, baseline_on, planned_on, status, updated_at)
           values ($1, $2, $3, $4, $5, $5, 'planned', $6) on conflict (project_id, milestone_id) do nothing`,
          [projectId, text(event, 'milestoneId'), text(event, 'category'), optionalText(event, 'title'), date(event, 'baselineDate'), event.time],
        );
        return;
      case 'MilestoneRescheduled':
        await change(sql, event, projectId, 'forecast_on = $3::date, planned_on = $3::date, reschedule_reason = $4', [date(event, 'newDate'), optionalText(event, 'reason')]);
        return;
      case 'MilestoneAchieved':
        await change(sql, event, projectId, `actual_on = $3::date, status = 'achieved'`, [date(event, 'actualDate')]);
        return;
      case 'MilestoneDropped':
        await change(sql, event, projectId, `status = 'dropped', drop_reason = $3, dropped_on = $4::date`, [optionalText(event, 'reason'), optionalText(event, 'effectiveDate')]);
        return;
      default:
        return;
    }
  },
};

async function change(sql: Sql, event: PortfolioEvent, projectId: string, assignments: string, values: readonly unknown[]): Promise<void> {
  const milestoneId = text(event, 'milestoneId');
  // A change to a milestone the view has not seen planned (a replay cut at an earlier effective date)
  // changes nothing.
  await sql(
    `update milestone_view set ${assignments}, updated_at = $${values.length + 3}
      where project_id = $1 and milestone_id = $2`,
    [projectId, milestoneId, ...values, event.time],
  );
  await sql(
    `update milestone_view set slippage_days = coalesce(actual_on, forecast_on, baseline_on) - baseline_on
      where project_id = $1 and milestone_id = $2`,
    [projectId, milestoneId],
  );
}

function date(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new MalformedEventError(event, field);
  return value;
}
