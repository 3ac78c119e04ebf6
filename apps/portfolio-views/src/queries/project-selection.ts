import type { Sql } from '../sql.js';

/** How a figure is broken down. */
export const GROUP_BY = ['portfolio', 'cluster', 'country', 'financier', 'status', 'rating'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Filters of a set of projects (a portfolio curve, a lineage): every given one must hold. */
export interface ProjectFilters {
  project?: string | undefined;
  cluster?: string | undefined;
  country?: string | undefined;
  financier?: string | undefined;
  status?: string | undefined;
}

/**
 * The project's rating: the overall rating of its latest rated quarter (performance_rating, filled by the
 * performance family), 'unrated' when it has none — or when this build has no performance family yet.
 */
export async function ratingSql(sql: Sql): Promise<string> {
  const [{ present }] = (await sql(`select to_regclass('performance_rating') is not null as present`)) as [{ present: boolean }];
  return present
    ? `(select coalesce((select r.overall from performance_rating r where r.project_id = s.project_id order by r.period desc limit 1), 'unrated'))`
    : `'unrated'::text`;
}

/**
 * The rows `(project_id, key, financier, weight)` a grouping splits projects into: a project counts fully
 * in its cluster, status and rating, by its recipient-country percentage in each country, and in each
 * financier it has an agreement with (only that agreement's money: `financier` is then set and money is
 * matched on it).
 */
export async function groupKeysSql(sql: Sql, groupBy: GroupBy): Promise<string> {
  switch (groupBy) {
    case 'portfolio':
      return `select s.project_id, 'portfolio'::text as key, null::text as financier, 1::numeric as weight from project_summary s`;
    case 'cluster':
      return `select s.project_id, s.cluster as key, null::text as financier, 1::numeric as weight from project_summary s`;
    case 'status':
      return `select s.project_id, coalesce(s.status, 'unknown') as key, null::text as financier, 1::numeric as weight from project_summary s`;
    case 'rating':
      return `select s.project_id, ${await ratingSql(sql)} as key, null::text as financier, 1::numeric as weight from project_summary s`;
    case 'country':
      return `select s.project_id, c->>'code' as key, null::text as financier, (c->>'percentage')::numeric / 100 as weight
                from project_summary s cross join jsonb_array_elements(s.countries) c`;
    case 'financier':
      return `select distinct a.project_id, coalesce(a.financier_ref, 'unknown') as key, coalesce(a.financier_ref, 'unknown') as financier, 1::numeric as weight
                from agreement_view a join project_summary s on s.project_id = a.project_id`;
  }
}

/**
 * The projects of a filtered set, `(project_id, weight)`, as SQL with its parameters appended to `params`:
 * with a country, a project weighs its percentage there; with a financier, only the money of its
 * agreements with that financier counts (the caller matches `agreement_view.financier_ref`).
 */
export function filteredProjectsSql(filters: ProjectFilters, params: unknown[]): { projects: string; financierParam: string | null } {
  const where: string[] = [];
  let weight = '1::numeric';
  let from = 'project_summary s';
  if (filters.project !== undefined) {
    params.push(filters.project);
    where.push(`s.project_id = $${params.length}`);
  }
  if (filters.cluster !== undefined) {
    params.push(filters.cluster);
    where.push(`s.cluster = $${params.length}`);
  }
  if (filters.status !== undefined) {
    params.push(filters.status);
    where.push(`s.status = $${params.length}`);
  }
  if (filters.country !== undefined) {
    params.push(filters.country);
    from = `project_summary s cross join jsonb_array_elements(s.countries) c`;
    where.push(`c->>'code' = $${params.length}`);
    weight = `(c->>'percentage')::numeric / 100`;
  }
  let financierParam: string | null = null;
  if (filters.financier !== undefined) {
    params.push(filters.financier);
    financierParam = `$${params.length}`;
    where.push(`exists (select 1 from agreement_view a where a.project_id = s.project_id and a.financier_ref = ${financierParam})`);
  }
  return { projects: `select s.project_id, ${weight} as weight from ${from}${where.length ? ` where ${where.join(' and ')}` : ''}`, financierParam };
}
