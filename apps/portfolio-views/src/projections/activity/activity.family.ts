import type { PortfolioEvent } from '@ecab/contracts';
import { effectiveDateOf, optionalText, projectOf, utcDayOf } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * project_activity: what a project has lived — every event of its own stream and of the streams that
 * belong to it (agreements, contracts, milestones, results, performance reviews), with when it happened
 * in the world, when it was recorded, who recorded it and, for a correction, why. Programme-wide events
 * (the programme, organisations) have no project and are left out.
 *
 * `effective_on` is the effective date, or the (UTC) day it was recorded for the events that carry none:
 * the timeline's "effective" order sorts on it.
 *
 * A row is written only when its project's summary row exists (`change` checks it in memory), so the
 * table has no foreign key: checking it for every row was a quarter to a third of what PostgreSQL spent
 * inserting the row.
 *
 * `data` is kept as `json` (the text as written), not `jsonb`: no query looks into it, and converting
 * every event's data to jsonb was some 5 µs of the ~17 µs PostgreSQL spent inserting a row (measured on
 * 50,000 rows). The queries that answer it cast it to jsonb, so it keeps jsonb's key order as before.
 */
export const activityFamily: ViewFamily = {
  name: 'activity',
  tables: [
    {
      name: 'project_activity',
      key: ['stream_id', 'stream_version'],
      ddl: [
        `create table project_activity (
           stream_id      text not null,
           stream_version integer not null,
           project_id     text not null,
           event_id       text not null,
           type           text not null,
           effective_date date,
           effective_on   date not null,
           recorded_at    timestamptz not null,
           actor          text,
           correction     boolean not null,
           reason         text,
           data           json not null
         )`,
      ],
      // Its key is a unique index built with the query indexes, on the filled table: rows are only ever
      // appended, by events the projection applies once each (their stream versions say so), and
      // maintaining the index row by row cost a rebuild ~5 µs an event of PostgreSQL's time (building it
      // on the filled table, under 1).
      indexes: [
        'create unique index project_activity_key on project_activity (stream_id, stream_version)',
        'create index project_activity_recorded on project_activity (project_id, recorded_at, (stream_id collate "C"), stream_version)',
        'create index project_activity_effective on project_activity (project_id, effective_on, recorded_at, (stream_id collate "C"), stream_version)',
      ],
    },
  ],
  needs(event, rows) {
    rows.need('project_summary', [projectOf(event)]);
  },
  change(event, rows) {
    const projectId = projectOf(event);
    if (!rows.get('project_summary', [projectId])) return;
    const effectiveDate = effectiveDateOf(event);
    rows.append('project_activity', {
      stream_id: event.streamId,
      stream_version: event.streamVersion,
      project_id: projectId,
      event_id: event.eventId,
      type: event.type,
      effective_date: effectiveDate,
      effective_on: effectiveDate ?? utcDayOf(event.time),
      recorded_at: event.time,
      actor: event.actor ?? null,
      correction: isCorrection(event),
      reason: reasonOf(event),
      data: event.data,
    });
  },
};

/**
 * Why the event changed what was recorded before: a correction's reason (`correctionReason`), a reason
 * given with the change (`reason`: status moves, amendments, cancellations, reschedules…), or a reversal's
 * `reasonCode`.
 */
export function reasonOf(event: PortfolioEvent): string | null {
  return optionalText(event, 'correctionReason') ?? optionalText(event, 'reason') ?? optionalText(event, 'reasonCode');
}

/** The event corrects an earlier record: a correction with a reason, a forced status move, a reversal. */
export function isCorrection(event: PortfolioEvent): boolean {
  return optionalText(event, 'correctionReason') !== null || event.data.correction === true || event.type === 'TransactionReversed';
}
