import { effectiveDateOf, projectOf } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

/**
 * project_activity: what a project has lived — every event of its own stream and of the streams that
 * belong to it (agreements, contracts, milestones, results, performance reviews), with when it happened
 * in the world and when it was recorded. Programme-wide events (the programme, organisations) have no
 * project and are left out.
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
           recorded_at    timestamptz not null,
           actor          text,
           data           jsonb not null,
           primary key (stream_id, stream_version)
         )`,
        'create index project_activity_project on project_activity (project_id, recorded_at)',
      ],
    },
  ],
  async apply(sql, event) {
    await sql(
      `insert into project_activity (stream_id, stream_version, project_id, event_id, type, effective_date, recorded_at, actor, data)
       select $1, $2, project_id, $4, $5, $6, $7, $8, $9 from project_summary where project_id = $3
       on conflict (stream_id, stream_version) do nothing`,
      [event.streamId, event.streamVersion, projectOf(event), event.eventId, event.type, effectiveDateOf(event), event.time, event.actor ?? null, JSON.stringify(event.data)],
    );
  },
};
