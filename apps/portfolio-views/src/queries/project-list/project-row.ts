/** A project as the list shows it (and the profile starts with): one project_summary row. */
export interface ProjectListItem {
  id: string;
  title: string;
  cluster: string;
  countries: { code: string; percentage: number }[];
  /** IATI ActivityStatus code (1 pipeline … 6 suspended) and the portfolio stage derived from it. */
  status: string | null;
  stage: string | null;
  iatiIdentifier: string | null;
  /** The overall rating of the latest quarter rated, and that quarter (YYYY-Qn). */
  rating: string | null;
  ratingPeriod: string | null;
  /** IATI activity dates (YYYY-MM-DD): 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  plannedStart: string | null;
  actualStart: string | null;
  plannedEnd: string | null;
  actualEnd: string | null;
  approvedOn: string | null;
  version: number;
  registeredAt: string;
  updatedAt: string;
}

/** The columns of project_summary a ProjectListItem is read from (dates printed by PostgreSQL, never through a JS Date). */
export const PROJECT_COLUMNS = `p.project_id, p.title, p.cluster, p.countries, p.status, p.stage, p.titles, p.iati_identifier, p.rating, p.rating_period,
  to_char(p.planned_start, 'YYYY-MM-DD') as planned_start, to_char(p.actual_start, 'YYYY-MM-DD') as actual_start,
  to_char(p.planned_end, 'YYYY-MM-DD') as planned_end, to_char(p.actual_end, 'YYYY-MM-DD') as actual_end,
  to_char(p.approved_on, 'YYYY-MM-DD') as approved_on, p.version, p.registered_at, p.updated_at`;

export interface ProjectRow {
  project_id: string;
  title: string;
  cluster: string;
  countries: ProjectListItem['countries'];
  status: string | null;
  stage: string | null;
  titles: Record<string, string> | null;
  iati_identifier: string | null;
  rating: string | null;
  rating_period: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  actual_end: string | null;
  approved_on: string | null;
  version: number;
  registered_at: Date;
  updated_at: Date;
}

export function projectListItem(row: ProjectRow): ProjectListItem {
  return {
    id: row.project_id,
    title: row.title,
    cluster: row.cluster,
    countries: row.countries,
    status: row.status,
    stage: row.stage,
    iatiIdentifier: row.iati_identifier,
    rating: row.rating,
    ratingPeriod: row.rating_period,
    plannedStart: row.planned_start,
    actualStart: row.actual_start,
    plannedEnd: row.planned_end,
    actualEnd: row.actual_end,
    approvedOn: row.approved_on,
    version: row.version,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
