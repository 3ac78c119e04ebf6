import type { PortfolioEvent } from '@ecab/contracts';
import { MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

const QUARTER = /^\d{4}-Q[1-4]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A project's quarterly reviews (streams `performance-<project>-<period>`):
 * - performance_rating: one row per project and quarter; a correction of the quarter replaces it (and
 *   counts itself in `corrections`). The latest quarter's overall rating is the project's rating, kept in
 *   project_summary.rating / rating_period for the list's filter.
 * - project_risk: the risks registered in a review (no event closes one: they stay open).
 * - project_issue: the issues raised in a review, resolved or open.
 * Ids of risks and issues are unique within a review, so a quarter is part of their key.
 */
export const performanceFamily: ViewFamily = {
  name: 'performance',
  tables: [
    {
      name: 'performance_rating',
      ddl: [
        `create table performance_rating (
           project_id        text not null references project_summary (project_id),
           period            text not null,
           overall           text not null,
           ratings           jsonb not null,
           world_bank_rating text,
           rationale         text,
           rated_on          date not null,
           corrections       integer not null default 0,
           correction_reason text,
           event_id          text not null,
           recorded_at       timestamptz not null,
           primary key (project_id, period)
         )`,
      ],
    },
    {
      name: 'project_risk',
      ddl: [
        `create table project_risk (
           project_id  text not null references project_summary (project_id),
           period      text not null,
           id          text not null,
           description text not null,
           likelihood  text not null,
           impact      text not null,
           mitigation  text not null,
           dimension   text,
           status      text not null,
           raised_on   date not null,
           resolved_on date,
           event_id    text not null,
           primary key (project_id, period, id)
         )`,
      ],
    },
    {
      name: 'project_issue',
      ddl: [
        `create table project_issue (
           project_id  text not null references project_summary (project_id),
           period      text not null,
           id          text not null,
           description text not null,
           dimension   text,
           status      text not null check (status in ('open', 'resolved')),
           raised_on   date not null,
           resolved_on date,
           resolution  text,
           event_id    text not null,
           primary key (project_id, period, id)
         )`,
      ],
    },
  ],
  async apply(sql, event) {
    switch (event.type) {
      case 'PerformanceRated':
        return rated(sql, event);
      case 'RiskRegistered':
        await sql(
          `insert into project_risk (project_id, period, id, description, likelihood, impact, mitigation, dimension, status, raised_on, event_id)
           select project_id, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10 from project_summary where project_id = $1
           on conflict (project_id, period, id) do nothing`,
          [
            projectOf(event),
            period(event),
            text(event, 'riskId'),
            text(event, 'description'),
            text(event, 'likelihood'),
            text(event, 'impact'),
            text(event, 'mitigation'),
            optionalText(event, 'dimension'),
            date(event),
            event.eventId,
          ],
        );
        return;
      case 'IssueRaised':
        await sql(
          `insert into project_issue (project_id, period, id, description, dimension, status, raised_on, event_id)
           select project_id, $2, $3, $4, $5, 'open', $6, $7 from project_summary where project_id = $1
           on conflict (project_id, period, id) do nothing`,
          [projectOf(event), period(event), text(event, 'issueId'), text(event, 'description'), optionalText(event, 'dimension'), date(event), event.eventId],
        );
        return;
      case 'IssueResolved':
        await sql(`update project_issue set status = 'resolved', resolved_on = $4, resolution = $5 where project_id = $1 and period = $2 and id = $3`, [
          projectOf(event),
          period(event),
          text(event, 'issueId'),
          date(event),
          text(event, 'resolution'),
        ]);
        return;
      default:
        return;
    }
  },
};

async function rated(sql: Sql, event: PortfolioEvent): Promise<void> {
  const projectId = projectOf(event);
  const quarter = period(event);
  const ratings = event.data.ratings;
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) throw new MalformedEventError(event, 'ratings');
  const overall = text(event, 'overall');
  await sql(
    `insert into performance_rating (project_id, period, overall, ratings, world_bank_rating, rationale, rated_on, correction_reason, event_id, recorded_at)
     select project_id, $2, $3, $4, $5, $6, $7, $8, $9, $10 from project_summary where project_id = $1
     on conflict (project_id, period) do update set
       overall = excluded.overall, ratings = excluded.ratings, world_bank_rating = excluded.world_bank_rating,
       rationale = excluded.rationale, rated_on = excluded.rated_on, correction_reason = excluded.correction_reason,
       event_id = excluded.event_id, recorded_at = excluded.recorded_at, corrections = performance_rating.corrections + 1`,
    [
      projectId,
      quarter,
      overall,
      JSON.stringify(ratings),
      optionalText(event, 'worldBankRating'),
      optionalText(event, 'rationale'),
      date(event),
      optionalText(event, 'correctionReason'),
      event.eventId,
      event.time,
    ],
  );
  // The latest quarter rated is the project's rating; a correction of that quarter replaces it, of an older one not.
  await sql('update project_summary set rating = $2, rating_period = $3 where project_id = $1 and (rating_period is null or rating_period <= $3)', [projectId, overall, quarter]);
}

function period(event: PortfolioEvent): string {
  const value = text(event, 'period');
  if (!QUARTER.test(value)) throw new MalformedEventError(event, 'period');
  return value;
}

function date(event: PortfolioEvent): string {
  const value = text(event, 'effectiveDate');
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, 'effectiveDate');
  return value;
}
