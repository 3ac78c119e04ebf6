import type { PortfolioEvent } from '@ecab/contracts';
import { effectiveDateOf, optionalText, projectOf } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * project_activity: what a project has lived — every event of its own stream and of the streams that
 * belong to it (agreements, contracts, milestones, results, performance reviews), with when it happened
 * in the world, when it was recorded, who recorded it and, for a correction, why. Programme-wide events
 * (the programme, organisations) have no project and are left out.
 *
 * `effective_on` is the effective date, or the (UTC) day it was recorded for the events that carry none:
 * the timeline's "effective" order sorts on it.
 */
export const activityFamily: ViewFamily = {
  name: 'activity',
  tables: [
    {
      name: 'project_activity',
      ddl: [
        `create table project_activity (
           stream_id      text not null,
           stream_version integer not null,
           project_id     text not null references project_summary (project_id),
           event_id       text not null,
           type           text not null,
           effective_date date,
           effective_on   date not null,
           recorded_at    timestamptz not null,
           actor          text,
           correction     boolean not null,
           reason         text,
           data           jsonb not null,
           primary key (stream_id, stream_version)
         )`,
        'create index project_activity_recorded on project_activity (project_id, recorded_at, (stream_id collate "C"), stream_version)',
        'create index project_activity_effective on project_activity (project_id, effective_on, recorded_at, (stream_id collate "C"), stream_version)',
      ],
    },
  ],
  async apply(sql, event) {
    const effectiveDate = effectiveDateOf(event);
    await sql(
      `insert into project_activity (stream_id, stream_version, project_id, event_id, type, effective_date, effective_on, recorded_at, actor, correction, reason, data)
       select $1, $2, project_id, $4, $5, $6, coalesce($6::date, ($7::timestamptz at time zone 'UTC')::date), $7, $8, $9, $10, $11
         from project_summary where project_id = $3
       on conflict (stream_id, stream_version) do nothing`,
      [
        event.streamId,
        event.streamVersion,
        projectOf(event),
        event.eventId,
        event.type,
        effectiveDate,
        event.time,
        event.actor ?? null,
        isCorrection(event),
        reasonOf(event),
        JSON.stringify(event.data),
      ],
    );
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
