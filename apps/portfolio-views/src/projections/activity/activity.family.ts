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
  async applyBatch(sql, events) {
    await sql(
      `insert into project_activity (stream_id, stream_version, project_id, event_id, type, effective_date, effective_on, recorded_at, actor, correction, reason, data)
       select t.stream_id, t.stream_version, p.project_id, t.event_id, t.type, t.effective_date,
              coalesce(t.effective_date, (t.recorded_at at time zone 'UTC')::date), t.recorded_at, t.actor, t.correction, t.reason, t.data
         from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::text[], $9::boolean[], $10::text[], $11::jsonb[])
                with ordinality as t(stream_id, stream_version, project_id, event_id, type, effective_date, recorded_at, actor, correction, reason, data, n)
         join project_summary p on p.project_id = t.project_id
        order by t.n
       on conflict (stream_id, stream_version) do nothing`,
      [
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => projectOf(e)),
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => effectiveDateOf(e)),
        events.map((e) => e.time),
        events.map((e) => e.actor ?? null),
        events.map((e) => isCorrection(e)),
        events.map((e) => reasonOf(e)),
        events.map((e) => JSON.stringify(e.data)),
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
