import type { PortfolioEvent } from '@ecab/contracts';
import { coded, MalformedEventError, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

/** project_summary: one row per registered project — what it is, where, its status and stage, its version. */
export const projectFamily: ViewFamily = {
  name: 'project',
  tables: [
    {
      name: 'project_summary',
      ddl: [
        `create table project_summary (
           project_id    text primary key,
           title         text not null,
           cluster       text not null,
           countries     jsonb not null,
           version       integer not null,
           registered_at timestamptz not null,
           updated_at    timestamptz not null,
           status        text,
           stage         text,
           titles        jsonb
         )`,
        'create index project_summary_cluster on project_summary (cluster)',
      ],
    },
  ],
  async apply(sql, event) {
    const projectId = projectOf(event);
    const ownStream = event.streamId === `project-${projectId}`;
    if (ownStream) await applyProjectEvent(sql, event, projectId);
    // Every stream of a project moves its updated time; the project's own stream also its version.
    if (ownStream) await sql('update project_summary set version = $2, updated_at = $3 where project_id = $1', [projectId, event.streamVersion, event.time]);
    else await sql('update project_summary set updated_at = greatest(updated_at, $2) where project_id = $1', [projectId, event.time]);
  },
};

async function applyProjectEvent(sql: Sql, event: PortfolioEvent, projectId: string): Promise<void> {
  switch (event.type) {
    case 'ProjectRegistered': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await sql(
        `insert into project_summary (project_id, title, cluster, countries, version, registered_at, updated_at, status, stage)
         values ($1, $2, $3, $4, $5, $6, $6, '1', 'pipeline') on conflict (project_id) do nothing`,
        [projectId, text(event, 'title'), text(event, 'cluster'), JSON.stringify(countries), event.streamVersion, event.time],
      );
      return;
    }
    case 'ProjectTitlesSet': {
      const titles = event.data.titles;
      if (typeof titles !== 'object' || titles === null || typeof (titles as { en?: unknown }).en !== 'string') throw new MalformedEventError(event, 'titles.en');
      await sql('update project_summary set titles = $2, title = $3 where project_id = $1', [projectId, JSON.stringify(titles), (titles as { en: string }).en]);
      return;
    }
    case 'RecipientCountriesSet': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await sql('update project_summary set countries = $2 where project_id = $1', [projectId, JSON.stringify(countries)]);
      return;
    }
    case 'ProjectApproved':
      await sql('update project_summary set stage = $2 where project_id = $1', [projectId, text(event, 'stage')]);
      return;
    case 'ProjectStatusChanged':
      await sql('update project_summary set status = $2, stage = $3 where project_id = $1', [projectId, coded(event, 'to'), text(event, 'stage')]);
      return;
    default:
      return;
  }
}
