import type { PortfolioEvent } from '@ecab/contracts';
import { MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * milestone_view: one row per milestone of a project (ids are unique within a project, so the key is
 * the pair). `planned_on` is the date it is expected on now (the forecast, else the baseline);
 * `slippage_days` = (actual, else forecast, else baseline) − baseline (docs/DOMAIN.md §2), recomputed from
 * the dates on every change rather than copied from the event. Overdue is not stored: it depends on the
 * day asked about (see the overdue-milestones query).
 */
export const milestonesFamily: ViewFamily = {
  name: 'milestones',
  tables: [
    {
      name: 'milestone_view',
      key: ['project_id', 'milestone_id'],
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
      ],
      indexes: [
        // The overdue list scans open milestones by the date they are planned on.
        `create index milestone_view_open on milestone_view (planned_on, project_id, milestone_id) where status = 'planned'`,
      ],
    },
  ],
  needs(event, rows) {
    if (event.streamId.startsWith('milestones-')) rows.need('milestone_view', [projectOf(event), text(event, 'milestoneId')]);
  },
  change(event, rows) {
    if (!event.streamId.startsWith('milestones-')) return;
    const projectId = projectOf(event);
    const milestoneId = text(event, 'milestoneId');
    const milestone = rows.get<MilestoneRow>('milestone_view', [projectId, milestoneId]);
    if (event.type === 'MilestonePlanned') {
      const category = text(event, 'category');
      const title = optionalText(event, 'title');
      const baseline = date(event, 'baselineDate');
      if (milestone) return;
      rows.put('milestone_view', {
        project_id: projectId,
        milestone_id: milestoneId,
        category,
        title,
        baseline_on: baseline,
        forecast_on: null,
        actual_on: null,
        planned_on: baseline,
        status: 'planned',
        slippage_days: 0,
        reschedule_reason: null,
        drop_reason: null,
        dropped_on: null,
        updated_at: event.time,
      });
      return;
    }
    const change = milestoneChange(event);
    // A change to a milestone the view has not seen planned (a replay cut at an earlier effective date) changes nothing.
    if (!change || !milestone) return;
    Object.assign(milestone, change, { updated_at: event.time });
    rows.update('milestone_view', milestone, {
      slippage_days: daysBetween(milestone.baseline_on, milestone.actual_on ?? milestone.forecast_on ?? milestone.baseline_on),
    });
  },
};

interface MilestoneRow {
  [column: string]: unknown;
  baseline_on: string;
  forecast_on: string | null;
  actual_on: string | null;
}

function milestoneChange(event: PortfolioEvent): Partial<MilestoneRow> | undefined {
  switch (event.type) {
    case 'MilestoneRescheduled': {
      const newDate = date(event, 'newDate');
      return { forecast_on: newDate, planned_on: newDate, reschedule_reason: optionalText(event, 'reason') };
    }
    case 'MilestoneAchieved':
      return { actual_on: date(event, 'actualDate'), status: 'achieved' };
    case 'MilestoneDropped':
      return { status: 'dropped', drop_reason: optionalText(event, 'reason'), dropped_on: optionalText(event, 'effectiveDate') };
    default:
      return undefined;
  }
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function date(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new MalformedEventError(event, field);
  return value;
}
