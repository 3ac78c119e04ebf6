import type { PortfolioEvent } from '@ecab/contracts';
import { parseDecimal } from '@ecab/domain';
import { MalformedEventError, optionalText, text } from '../event-data.js';
import type { Sql } from '../../sql.js';
import type { ViewFamily } from '../view-family.js';

/**
 * The programme's own records (stream `programme-<id>`, no project):
 * - programme_view: the programme's names, aliases and clusters.
 * - programme_kpi: every KPI value, one row per event — `kind` 'target' (ProgrammeTargetSet) or
 *   'observation' (ProgrammeKpiObserved), for a `year` or a `date`; `as_of` is the date (or the year's
 *   last day) it orders by. Conflicting observations are all kept, each with its source; a target set
 *   again for the same KPI and year/date supersedes the earlier one when read.
 * - governance_meeting, governance_decision (in the order the meeting recorded them), decision_action.
 *   An action's stored status is 'open' or 'done'; whether an open action is overdue depends on the day
 *   asked about, so the query says it.
 * Decision and action ids are unique within a programme (the domain checks it); keys start with it.
 */
export const programmeFamily: ViewFamily = {
  name: 'programme',
  tables: [
    {
      name: 'programme_view',
      key: ['programme_id'],
      ddl: [
        `create table programme_view (
           programme_id  text primary key,
           names         jsonb not null,
           aliases       jsonb not null,
           clusters      jsonb not null,
           registered_on date,
           updated_at    timestamptz not null
         )`,
      ],
    },
    {
      name: 'programme_kpi',
      key: ['event_id'],
      ddl: [
        `create table programme_kpi (
           event_id       text primary key,
           programme_id   text not null,
           kpi            text not null,
           kind           text not null check (kind in ('target', 'observation')),
           year           integer,
           date           date,
           as_of          date not null,
           value          numeric not null,
           unit           text not null,
           source         jsonb,
           effective_date date,
           recorded_at    timestamptz not null,
           stream_version integer not null
         )`,
      ],
      indexes: ['create index programme_kpi_series on programme_kpi (programme_id, kpi, kind, as_of)'],
    },
    {
      name: 'governance_meeting',
      key: ['programme_id', 'meeting_id'],
      ddl: [
        `create table governance_meeting (
           programme_id   text not null,
           meeting_id     text not null,
           body           text not null,
           body_name      text,
           meeting_number integer,
           date           date not null,
           place          text not null,
           source         jsonb,
           event_id       text not null,
           primary key (programme_id, meeting_id)
         )`,
      ],
      indexes: ['create index governance_meeting_date on governance_meeting (programme_id, date)'],
    },
    {
      name: 'governance_decision',
      key: ['programme_id', 'decision_id'],
      ddl: [
        `create table governance_decision (
           programme_id text not null,
           decision_id  text not null,
           meeting_id   text not null,
           position     integer not null,
           text         text not null,
           kind         text not null,
           primary key (programme_id, decision_id)
         )`,
      ],
      indexes: ['create index governance_decision_meeting on governance_decision (programme_id, meeting_id, position)'],
    },
    {
      name: 'decision_action',
      key: ['programme_id', 'action_id'],
      ddl: [
        `create table decision_action (
           programme_id text not null,
           action_id    text not null,
           decision_id  text not null,
           meeting_id   text,
           description  text not null,
           owner_ref    text,
           owner_name   text,
           assigned_on  date,
           due_on       date not null,
           completed_on date,
           status       text not null check (status in ('open', 'done')),
           primary key (programme_id, action_id)
         )`,
      ],
      indexes: ['create index decision_action_decision on decision_action (programme_id, decision_id)'],
    },
  ],
  async apply(sql, event) {
    if (!event.streamId.startsWith('programme-')) return;
    switch (event.type) {
      case 'ProgrammeRegistered':
        await sql(
          `insert into programme_view (programme_id, names, aliases, clusters, registered_on, updated_at) values ($1, $2, $3, $4, $5, $6)
           on conflict (programme_id) do nothing`,
          [
            text(event, 'programmeId'),
            JSON.stringify(event.data.names ?? {}),
            JSON.stringify(event.data.aliases ?? []),
            JSON.stringify(event.data.clusters ?? []),
            isoDate(event.data.effectiveDate),
            event.time,
          ],
        );
        return;
      case 'ProgrammeTargetSet':
      case 'ProgrammeKpiObserved':
        await kpiValue(sql, event, event.type === 'ProgrammeTargetSet' ? 'target' : 'observation');
        return;
      case 'GovernanceMeetingRecorded':
        await meeting(sql, event);
        return;
      case 'DecisionActionAssigned': {
        const owner = (event.data.owner ?? {}) as { organisationId?: unknown; name?: unknown };
        const programmeId = text(event, 'programmeId');
        const decisionId = text(event, 'decisionId');
        await sql(
          `insert into decision_action (programme_id, action_id, decision_id, meeting_id, description, owner_ref, owner_name, assigned_on, due_on, status)
           values ($1, $2, $3, (select meeting_id from governance_decision where programme_id = $1 and decision_id = $3), $4, $5, $6, $7, $8, 'open')
           on conflict (programme_id, action_id) do nothing`,
          [
            programmeId,
            text(event, 'actionId'),
            decisionId,
            text(event, 'description'),
            typeof owner.organisationId === 'string' ? owner.organisationId : null,
            typeof owner.name === 'string' ? owner.name : null,
            isoDate(event.data.effectiveDate),
            requiredDate(event, 'dueDate'),
          ],
        );
        return;
      }
      case 'DecisionActionCompleted':
        await sql(`update decision_action set completed_on = $3, status = 'done' where programme_id = $1 and action_id = $2`, [
          text(event, 'programmeId'),
          text(event, 'actionId'),
          requiredDate(event, 'completionDate'),
        ]);
        return;
      default:
        return;
    }
  },
};

async function kpiValue(sql: Sql, event: PortfolioEvent, kind: 'target' | 'observation'): Promise<void> {
  const year = event.data.year;
  const date = optionalText(event, 'date');
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year))) throw new MalformedEventError(event, 'year');
  if ((year === undefined) === (date === null)) throw new MalformedEventError(event, 'year or date');
  const asOf = date ?? `${String(year).padStart(4, '0')}-12-31`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new MalformedEventError(event, 'date');
  await sql(
    `insert into programme_kpi (event_id, programme_id, kpi, kind, year, date, as_of, value, unit, source, effective_date, recorded_at, stream_version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (event_id) do nothing`,
    [
      event.eventId,
      text(event, 'programmeId'),
      text(event, 'kpi'),
      kind,
      year ?? null,
      date,
      asOf,
      kpiDecimal(event),
      text(event, 'unit'),
      event.data.source === undefined ? null : JSON.stringify(event.data.source),
      isoDate(event.data.effectiveDate),
      event.time,
      event.streamVersion,
    ],
  );
}

async function meeting(sql: Sql, event: PortfolioEvent): Promise<void> {
  const programmeId = text(event, 'programmeId');
  const meetingId = text(event, 'meetingId');
  const decisions = event.data.decisions;
  if (!Array.isArray(decisions)) throw new MalformedEventError(event, 'decisions');
  const number = event.data.meetingNumber;
  await sql(
    `insert into governance_meeting (programme_id, meeting_id, body, body_name, meeting_number, date, place, source, event_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (programme_id, meeting_id) do nothing`,
    [
      programmeId,
      meetingId,
      text(event, 'body'),
      optionalText(event, 'bodyName'),
      typeof number === 'number' && Number.isInteger(number) ? number : null,
      requiredDate(event, 'date'),
      text(event, 'place'),
      event.data.source === undefined ? null : JSON.stringify(event.data.source),
      event.eventId,
    ],
  );
  for (const [position, decision] of (decisions as { decisionId?: unknown; text?: unknown; kind?: unknown }[]).entries()) {
    if (typeof decision?.decisionId !== 'string' || typeof decision.text !== 'string' || typeof decision.kind !== 'string')
      throw new MalformedEventError(event, `decisions/${position}`);
    await sql(
      `insert into governance_decision (programme_id, decision_id, meeting_id, position, text, kind) values ($1, $2, $3, $4, $5, $6)
       on conflict (programme_id, decision_id) do nothing`,
      [programmeId, decision.decisionId, meetingId, position, decision.text, decision.kind],
    );
  }
}

function isoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function requiredDate(event: PortfolioEvent, field: string): string {
  const value = isoDate(event.data[field]);
  if (value === null) throw new MalformedEventError(event, field);
  return value;
}

/** The value as the domain accepted it (its decimal pattern, up to 12 decimals), so no accepted value stalls the stream. */
function kpiDecimal(event: PortfolioEvent): string {
  const value = text(event, 'value');
  if (parseDecimal(value) === undefined) throw new MalformedEventError(event, 'value');
  return value;
}
