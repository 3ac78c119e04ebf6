import type { PortfolioEvent } from '@ecab/contracts';
import { coded, MalformedEventError, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

/** IATI ActivityDateType code → the project_summary column that keeps the latest date of that type. */
const DATE_COLUMNS: Readonly<Record<string, string>> = { '1': 'planned_start', '2': 'actual_start', '3': 'planned_end', '4': 'actual_end' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * project_summary: one row per registered project — what it is, where, its status and stage, its
 * identifier, its dates, its latest performance rating (kept by the performance family) and its version.
 * `search_text` is the lower-cased id and titles in every language, trigram-indexed for the list's `q` (LIKE on the lower-cased pattern).
 */
export const projectFamily: ViewFamily = {
  name: 'project',
  tables: [
    {
      name: 'project_summary',
      ddl: [
        // Trusted since PostgreSQL 13: the database owner may create it. Kept in public, so dropping a
        // generation's schema never drops it.
        'create extension if not exists pg_trgm with schema public',
        `create table project_summary (
           project_id      text primary key,
           title           text not null,
           cluster         text not null,
           countries       jsonb not null,
           version         integer not null,
           registered_at   timestamptz not null,
           updated_at      timestamptz not null,
           status          text,
           stage           text,
           titles          jsonb,
           iati_identifier text,
           planned_start   date,
           actual_start    date,
           planned_end     date,
           actual_end      date,
           approved_on     date,
           rating          text,
           rating_period   text,
           search_text     text not null
         )`,
        'create index project_summary_cluster on project_summary (cluster)',
        'create index project_summary_rating on project_summary (rating)',
        'create index project_summary_countries on project_summary using gin (countries jsonb_path_ops)',
        'create index project_summary_search on project_summary using gin (search_text public.gin_trgm_ops)',
        // Keyset pagination of the list, one index per sort key (code-point order, whatever the database's
        // collation); by_status also answers the status filter. Note: updated_at moves on every event, so
        // every event's update of the row touches each of these indexes (no HOT update).
        'create index project_summary_by_id on project_summary ((project_id collate "C"))',
        'create index project_summary_by_title on project_summary ((title collate "C"), (project_id collate "C"))',
        'create index project_summary_by_status on project_summary ((status collate "C"), (project_id collate "C"))',
        'create index project_summary_by_registered on project_summary (registered_at, (project_id collate "C"))',
        'create index project_summary_by_updated on project_summary (updated_at, (project_id collate "C"))',
      ],
    },
  ],
  async apply(sql, event) {
    const projectId = projectOf(event);
    const ownStream = event.streamId === `project-${projectId}`;
    if (ownStream) await applyProjectEvent(sql, event, projectId);
  },
  // Every stream of a project moves its updated time, the project's own stream also its version: once per
  // project and batch, to the batch's last.
  async applyBatch(sql, events) {
    const latest = new Map<string, { version: number | null; time: string }>();
    for (const event of events) {
      const projectId = projectOf(event);
      const seen = latest.get(projectId) ?? { version: null, time: event.time };
      if (event.streamId === `project-${projectId}`) seen.version = event.streamVersion;
      if (event.time > seen.time) seen.time = event.time;
      latest.set(projectId, seen);
    }
    const projects = [...latest.keys()];
    await sql(
      `update project_summary p set version = coalesce(t.version, p.version), updated_at = greatest(p.updated_at, t.time)
         from unnest($1::text[], $2::int[], $3::timestamptz[]) as t(project_id, version, time) where p.project_id = t.project_id`,
      [projects, projects.map((id) => latest.get(id)!.version), projects.map((id) => latest.get(id)!.time)],
    );
  },
};

/** What the list's `q` searches: the id and every title, lower-cased (matched with LIKE on a trigram index). */
function searchText(projectId: string, titles: readonly string[]): string {
  return [projectId, ...titles].join(' ').toLowerCase();
}

function isoDate(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, field);
  return value;
}

async function applyProjectEvent(sql: Sql, event: PortfolioEvent, projectId: string): Promise<void> {
  switch (event.type) {
    case 'ProjectRegistered': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      const title = text(event, 'title');
      await sql(
        `insert into project_summary (project_id, title, cluster, countries, version, registered_at, updated_at, status, stage, search_text)
         values ($1, $2, $3, $4, $5, $6, $6, '1', 'pipeline', $7) on conflict (project_id) do nothing`,
        [projectId, title, text(event, 'cluster'), JSON.stringify(countries), event.streamVersion, event.time, searchText(projectId, [title])],
      );
      return;
    }
    case 'ProjectTitlesSet': {
      const titles = event.data.titles;
      if (typeof titles !== 'object' || titles === null || typeof (titles as { en?: unknown }).en !== 'string') throw new MalformedEventError(event, 'titles.en');
      const all = Object.values(titles as Record<string, unknown>).filter((t): t is string => typeof t === 'string');
      await sql('update project_summary set titles = $2, title = $3, search_text = $4 where project_id = $1', [
        projectId,
        JSON.stringify(titles),
        (titles as { en: string }).en,
        searchText(projectId, all),
      ]);
      return;
    }
    case 'RecipientCountriesSet': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      await sql('update project_summary set countries = $2 where project_id = $1', [projectId, JSON.stringify(countries)]);
      return;
    }
    case 'ProjectIdentifierAssigned':
      // A correction assigns a new one (the old becomes an other-identifier): the latest is the identifier.
      await sql('update project_summary set iati_identifier = $2 where project_id = $1', [projectId, text(event, 'iatiIdentifier')]);
      return;
    case 'ProjectDateRecorded': {
      const column = DATE_COLUMNS[coded(event, 'dateType')];
      if (!column) throw new MalformedEventError(event, 'dateType.code');
      await sql(`update project_summary set ${column} = $2 where project_id = $1`, [projectId, isoDate(event, 'date')]);
      return;
    }
    case 'ProjectApproved':
      await sql('update project_summary set stage = $2, approved_on = $3 where project_id = $1', [projectId, text(event, 'stage'), isoDate(event, 'approvalDate')]);
      return;
    case 'ProjectStatusChanged':
      await sql('update project_summary set status = $2, stage = $3 where project_id = $1', [projectId, coded(event, 'to'), text(event, 'stage')]);
      return;
    default:
      return;
  }
}
