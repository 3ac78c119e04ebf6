import type { PortfolioEvent } from '@ecab/contracts';
import { MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { BatchRows } from '../batch-rows.js';
import type { ProjectRow } from '../project/project.family.js';
import type { ViewFamily } from '../view-family.js';

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
export const performanceReviewFamily: ViewFamily = {
  name: 'performance',
  tables: [
    {
      name: 'performance_rating',
      key: ['project_id', 'period'],
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
      key: ['project_id', 'period', 'id'],
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
      key: ['project_id', 'period', 'id'],
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
  needs(event, rows) {
    const projectId = projectOf(event);
    switch (event.type) {
      case 'PerformanceRated':
        rows.need('project_summary', [projectId]);
        rows.need('performance_rating', [projectId, period(event)]);
        return;
      case 'RiskRegistered':
        rows.need('project_summary', [projectId]);
        rows.need('project_risk', [projectId, period(event), text(event, 'riskId')]);
        return;
      case 'IssueRaised':
      case 'IssueResolved':
        rows.need('project_summary', [projectId]);
        rows.need('project_issue', [projectId, period(event), text(event, 'issueId')]);
        return;
      default:
        return;
    }
  },
  change(event, rows) {
    const projectId = projectOf(event);
    // Reviews of a project the view does not know are not kept (their rows refer to the project's).
    if (!['PerformanceRated', 'RiskRegistered', 'IssueRaised', 'IssueResolved'].includes(event.type) || !rows.get('project_summary', [projectId])) return;
    switch (event.type) {
      case 'PerformanceRated':
        return rated(rows, event, projectId);
      case 'RiskRegistered': {
        const key = [projectId, period(event), text(event, 'riskId')];
        if (rows.get('project_risk', key)) return;
        rows.put('project_risk', {
          project_id: projectId,
          period: key[1],
          id: key[2],
          description: text(event, 'description'),
          likelihood: text(event, 'likelihood'),
          impact: text(event, 'impact'),
          mitigation: text(event, 'mitigation'),
          dimension: optionalText(event, 'dimension'),
          status: 'open',
          raised_on: date(event),
          resolved_on: null,
          event_id: event.eventId,
        });
        return;
      }
      case 'IssueRaised': {
        const key = [projectId, period(event), text(event, 'issueId')];
        if (rows.get('project_issue', key)) return;
        rows.put('project_issue', {
          project_id: projectId,
          period: key[1],
          id: key[2],
          description: text(event, 'description'),
          dimension: optionalText(event, 'dimension'),
          status: 'open',
          raised_on: date(event),
          resolved_on: null,
          resolution: null,
          event_id: event.eventId,
        });
        return;
      }
      case 'IssueResolved': {
        const issue = rows.get('project_issue', [projectId, period(event), text(event, 'issueId')]);
        if (issue) rows.update('project_issue', issue, { status: 'resolved', resolved_on: date(event), resolution: text(event, 'resolution') });
        return;
      }
      default:
        return;
    }
  },
};

function rated(rows: BatchRows, event: PortfolioEvent, projectId: string): void {
  const quarter = period(event);
  const ratings = event.data.ratings;
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) throw new MalformedEventError(event, 'ratings');
  const overall = text(event, 'overall');
  const previous = rows.get<{ corrections: number }>('performance_rating', [projectId, quarter]);
  rows.put('performance_rating', {
    project_id: projectId,
    period: quarter,
    overall,
    ratings,
    world_bank_rating: optionalText(event, 'worldBankRating'),
    rationale: optionalText(event, 'rationale'),
    rated_on: date(event),
    corrections: previous ? previous.corrections + 1 : 0,
    correction_reason: optionalText(event, 'correctionReason'),
    event_id: event.eventId,
    recorded_at: event.time,
  });
  // The latest quarter rated is the project's rating; a correction of that quarter replaces it, of an older one not.
  const project = rows.get<ProjectRow>('project_summary', [projectId])!;
  if (project.rating_period === null || project.rating_period <= quarter) rows.update('project_summary', project, { rating: overall, rating_period: quarter });
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
