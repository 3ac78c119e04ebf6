import type { PortfolioEvent } from '@ecab/contracts';
import { addProjectToClusterMoney } from '../agreement/project-money.js';
import type { BatchRows } from '../batch-rows.js';
import { coded, later, MalformedEventError, projectOf, text } from '../event-data.js';
import type { ViewFamily } from '../view-family.js';

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
      key: ['project_id'],
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
      ],
      indexes: [
        // The cluster filter, in the list's default order (by id): a page of a cluster is read straight off it.
        'create index project_summary_cluster on project_summary (cluster, (project_id collate "C"))',
        'create index project_summary_rating on project_summary (rating)',
        'create index project_summary_countries on project_summary using gin (countries jsonb_path_ops)',
        'create index project_summary_search on project_summary using gin (search_text public.gin_trgm_ops)',
        // Keyset pagination of the list, one index per sort key (code-point order, whatever the database's
        // collation); by_status also answers the status filter. Note: updated_at moves with every batch of
        // the project's events, so each write of the row touches each of these indexes (no HOT update).
        'create index project_summary_by_id on project_summary ((project_id collate "C"))',
        'create index project_summary_by_title on project_summary ((title collate "C"), (project_id collate "C"))',
        'create index project_summary_by_status on project_summary ((status collate "C"), (project_id collate "C"))',
        'create index project_summary_by_registered on project_summary (registered_at, (project_id collate "C"))',
        'create index project_summary_by_updated on project_summary (updated_at, (project_id collate "C"))',
      ],
    },
    {
      // How many projects each cluster has (the portfolio summary's count), added to as projects register,
      // in stripes like cluster_money (TOTAL_STRIPES).
      name: 'cluster_projects',
      key: ['cluster', 'stripe'],
      ddl: ['create table cluster_projects (cluster text not null, stripe smallint not null, projects integer not null, primary key (cluster, stripe))'],
    },
  ],
  needs(event, rows) {
    const projectId = projectOf(event);
    rows.need('project_summary', [projectId]);
    // A registration brings the project's money so far into its cluster's totals.
    if (event.type === 'ProjectRegistered' && event.streamId === `project-${projectId}`) rows.need('project_money', [projectId], ['project_id']);
  },
  change(event, rows) {
    const projectId = projectOf(event);
    if (event.streamId === `project-${projectId}`) changeProject(rows, event, projectId);
    // Every stream of a project moves its updated time, the project's own stream also its version.
    const project = rows.get<ProjectRow>('project_summary', [projectId]);
    if (!project) return;
    rows.update('project_summary', project, {
      updated_at: later(project.updated_at, event.time),
      ...(event.streamId === `project-${projectId}` ? { version: event.streamVersion } : {}),
    });
  },
};

/** A project_summary row as the families change it in memory. */
export interface ProjectRow {
  [column: string]: unknown;
  project_id: string;
  title: string;
  updated_at: string;
  version: number;
  rating: string | null;
  rating_period: string | null;
}

/** What the list's `q` searches: the id and every title, lower-cased (matched with LIKE on a trigram index). */
function searchText(projectId: string, titles: readonly string[]): string {
  return [projectId, ...titles].join(' ').toLowerCase();
}

function isoDate(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, field);
  return value;
}

function changeProject(rows: BatchRows, event: PortfolioEvent, projectId: string): void {
  if (event.type === 'ProjectRegistered') {
    const countries = event.data.countries;
    if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
    const title = text(event, 'title');
    const cluster = text(event, 'cluster');
    if (rows.get('project_summary', [projectId])) return;
    rows.put('project_summary', {
      project_id: projectId,
      title,
      cluster,
      countries,
      version: event.streamVersion,
      registered_at: event.time,
      updated_at: event.time,
      status: '1',
      stage: 'pipeline',
      titles: null,
      iati_identifier: null,
      planned_start: null,
      actual_start: null,
      planned_end: null,
      actual_end: null,
      approved_on: null,
      rating: null,
      rating_period: null,
      search_text: searchText(projectId, [title]),
    });
    rows.add('cluster_projects', { cluster }, { projects: 1 });
    addProjectToClusterMoney(rows, projectId, cluster);
    return;
  }
  const change = projectChange(event, projectId);
  const project = rows.get<ProjectRow>('project_summary', [projectId]);
  if (change && project) rows.update('project_summary', project, change);
}

/** What an event of the project's own stream changes in its row (undefined: nothing). */
function projectChange(event: PortfolioEvent, projectId: string): Partial<ProjectRow> | undefined {
  switch (event.type) {
    case 'ProjectTitlesSet': {
      const titles = event.data.titles;
      if (typeof titles !== 'object' || titles === null || typeof (titles as { en?: unknown }).en !== 'string')
        throw new MalformedEventError(event, 'titles.en');
      const all = Object.values(titles as Record<string, unknown>).filter((t): t is string => typeof t === 'string');
      return { titles, title: (titles as { en: string }).en, search_text: searchText(projectId, all) };
    }
    case 'RecipientCountriesSet': {
      const countries = event.data.countries;
      if (!Array.isArray(countries)) throw new MalformedEventError(event, 'countries');
      return { countries };
    }
    case 'ProjectIdentifierAssigned':
      // A correction assigns a new one (the old becomes an other-identifier): the latest is the identifier.
      return { iati_identifier: text(event, 'iatiIdentifier') };
    case 'ProjectDateRecorded': {
      const column = DATE_COLUMNS[coded(event, 'dateType')];
      if (!column) throw new MalformedEventError(event, 'dateType.code');
      return { [column]: isoDate(event, 'date') };
    }
    case 'ProjectApproved':
      return { stage: text(event, 'stage'), approved_on: isoDate(event, 'approvalDate') };
    case 'ProjectStatusChanged':
      return { status: coded(event, 'to'), stage: text(event, 'stage') };
    default:
      return undefined;
  }
}
