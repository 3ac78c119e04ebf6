import { ProblemError } from '@ecab/platform';
import type { Sql } from '../../sql.js';
import { todayIso } from '../pagination.js';

export interface KpiPoint {
  year: number | null;
  date: string | null;
  value: string;
  source: Record<string, unknown> | null;
  recordedAt: string;
}

export interface KpiSeries {
  kpi: string;
  unit: string;
  /** Every observation, oldest first (conflicting figures for the same year each with its source). */
  observations: KpiPoint[];
  /** The targets in force (a later one for the same year or date supersedes), nearest first. */
  targets: KpiPoint[];
  /** The first observation. */
  baseline: KpiPoint | null;
  /** The last observation (of the latest year or date; the last recorded among equals). */
  latest: KpiPoint | null;
  /** The target furthest ahead. */
  target: KpiPoint | null;
  /** (latest − baseline) ÷ (target − baseline); null without an observation or a target, or when target = baseline. */
  progress: number | null;
}

export interface ActionItem {
  actionId: string;
  description: string;
  owner: { organisationId?: string; name?: string };
  assignedOn: string | null;
  dueDate: string;
  completedOn: string | null;
  status: 'open' | 'overdue' | 'done';
}

export interface GovernanceMeetingView {
  meetingId: string;
  body: string;
  bodyName: string | null;
  meetingNumber: number | null;
  date: string;
  place: string;
  source: Record<string, unknown> | null;
  decisions: { decisionId: string; text: string; kind: string; actions: ActionItem[] }[];
}

export interface ProgrammeView {
  id: string;
  names: Record<string, string>;
  aliases: string[];
  clusters: string[];
  /** The day action items are judged on. */
  on: string;
  kpis: KpiSeries[];
  /** How many meetings are recorded; `meetings` holds the latest MEETINGS_SHOWN. */
  meetingCount: number;
  meetings: GovernanceMeetingView[];
  actionCounts: { open: number; overdue: number; done: number };
}

export const MEETINGS_SHOWN = 100;
export const KPI_VALUES_SHOWN = 500;

/** The programme asked for, or the only one registered. */
export async function resolveProgramme(sql: Sql, programme: string | undefined): Promise<string> {
  if (programme !== undefined) return programme;
  const rows: { programme_id: string }[] = await sql('select programme_id from programme_view order by programme_id limit 6');
  if (rows.length === 1) return rows[0]!.programme_id;
  if (rows.length === 0) throw ProblemError.notFound('No programme is registered.');
  const named =
    rows
      .slice(0, 5)
      .map((r) => r.programme_id)
      .join(', ') + (rows.length > 5 ? ', …' : '');
  throw ProblemError.validation([{ pointer: '/programme', detail: `several programmes are registered (${named}): say which` }]);
}

export async function readProgramme(sql: Sql, programmeId: string, on: string = todayIso()): Promise<ProgrammeView> {
  const [programme]: { programme_id: string; names: Record<string, string>; aliases: string[]; clusters: string[] }[] = await sql(
    'select programme_id, names, aliases, clusters from programme_view where programme_id = $1',
    [programmeId],
  );
  if (!programme) throw ProblemError.notFound(`No programme ${programmeId} in the portfolio view.`);
  return {
    id: programme.programme_id,
    names: programme.names,
    aliases: programme.aliases,
    clusters: programme.clusters,
    on,
    kpis: await kpiSeries(sql, programmeId),
    ...(await meetings(sql, programmeId, on)),
  };
}

interface KpiRow {
  kpi: string;
  kind: 'target' | 'observation';
  unit: string;
  year: number | null;
  date: string | null;
  value: string;
  source: Record<string, unknown> | null;
  recorded_at: Date;
}

async function kpiSeries(sql: Sql, programmeId: string): Promise<KpiSeries[]> {
  // Targets: the last one set for each KPI and year/date. Observations: all, oldest first.
  const rows: KpiRow[] = await sql(
    `with current as (
       select * from programme_kpi where programme_id = $1 and kind = 'observation'
       union all
       (select distinct on (kpi, year, date) * from programme_kpi where programme_id = $1 and kind = 'target'
         order by kpi, year, date, stream_version desc)
     ), ranked as (
       select *, row_number() over (partition by kpi, kind order by as_of desc, stream_version desc) as recent from current
     )
     select kpi, kind, unit, year, to_char(date, 'YYYY-MM-DD') as date, value::text as value, source, recorded_at
       from ranked where recent <= $2
      order by kpi, kind, as_of, stream_version`,
    [programmeId, KPI_VALUES_SHOWN],
  );
  const point = (r: KpiRow): KpiPoint => ({ year: r.year, date: r.date, value: r.value, source: r.source, recordedAt: r.recorded_at.toISOString() });
  const series: KpiSeries[] = [];
  for (const kpi of new Set(rows.map((r) => r.kpi))) {
    const own = rows.filter((r) => r.kpi === kpi);
    const observations = own.filter((r) => r.kind === 'observation').map(point);
    const targets = own.filter((r) => r.kind === 'target').map(point);
    const baseline = observations[0] ?? null;
    const latest = observations[observations.length - 1] ?? null;
    const target = targets[targets.length - 1] ?? null;
    let progress: number | null = null;
    if (baseline && latest && target) {
      const [{ progress: exact }] = (await sql('select (($1::numeric - $2::numeric) / nullif($3::numeric - $2::numeric, 0))::float8 as progress', [
        latest.value,
        baseline.value,
        target.value,
      ])) as [{ progress: number | null }];
      progress = exact;
    }
    series.push({ kpi, unit: own[0]!.unit, observations, targets, baseline, latest, target, progress });
  }
  return series;
}

async function meetings(sql: Sql, programmeId: string, on: string): Promise<Pick<ProgrammeView, 'meetingCount' | 'meetings' | 'actionCounts'>> {
  const [{ count }] = (await sql('select count(*)::int as count from governance_meeting where programme_id = $1', [programmeId])) as [{ count: number }];
  const meetingRows: {
    meeting_id: string;
    body: string;
    body_name: string | null;
    meeting_number: number | null;
    date: string;
    place: string;
    source: Record<string, unknown> | null;
  }[] = await sql(
    `select meeting_id, body, body_name, meeting_number, to_char(date, 'YYYY-MM-DD') as date, place, source
       from governance_meeting where programme_id = $1 order by date desc, meeting_id limit $2`,
    [programmeId, MEETINGS_SHOWN],
  );
  const meetingIds = meetingRows.map((m) => m.meeting_id);
  const decisions: { decision_id: string; meeting_id: string; text: string; kind: string }[] = await sql(
    'select decision_id, meeting_id, text, kind from governance_decision where programme_id = $1 and meeting_id = any($2) order by meeting_id, position',
    [programmeId, meetingIds],
  );
  const actions: {
    action_id: string;
    decision_id: string;
    description: string;
    owner_ref: string | null;
    owner_name: string | null;
    assigned_on: string | null;
    due_on: string;
    completed_on: string | null;
    status: ActionItem['status'];
  }[] = await sql(
    `select action_id, decision_id, description, owner_ref, owner_name, to_char(assigned_on, 'YYYY-MM-DD') as assigned_on,
            to_char(due_on, 'YYYY-MM-DD') as due_on, to_char(completed_on, 'YYYY-MM-DD') as completed_on,
            case when completed_on is not null then 'done' when due_on < $3::date then 'overdue' else 'open' end as status
       from decision_action where programme_id = $1 and decision_id = any($2) order by due_on, action_id`,
    [programmeId, decisions.map((d) => d.decision_id), on],
  );
  const [counts] = (await sql(
    `select count(*) filter (where completed_on is null and due_on >= $2::date)::int as open,
            count(*) filter (where completed_on is null and due_on < $2::date)::int as overdue,
            count(*) filter (where completed_on is not null)::int as done
       from decision_action where programme_id = $1`,
    [programmeId, on],
  )) as [{ open: number; overdue: number; done: number }];
  const item = (a: (typeof actions)[number]): ActionItem => ({
    actionId: a.action_id,
    description: a.description,
    owner: { ...(a.owner_ref !== null ? { organisationId: a.owner_ref } : {}), ...(a.owner_name !== null ? { name: a.owner_name } : {}) },
    assignedOn: a.assigned_on,
    dueDate: a.due_on,
    completedOn: a.completed_on,
    status: a.status,
  });
  return {
    meetingCount: count,
    actionCounts: counts,
    meetings: meetingRows.map((m) => ({
      meetingId: m.meeting_id,
      body: m.body,
      bodyName: m.body_name,
      meetingNumber: m.meeting_number,
      date: m.date,
      place: m.place,
      source: m.source,
      decisions: decisions
        .filter((d) => d.meeting_id === m.meeting_id)
        .map((d) => ({ decisionId: d.decision_id, text: d.text, kind: d.kind, actions: actions.filter((a) => a.decision_id === d.decision_id).map(item) })),
    })),
  };
}
