import { Controller, Get, Query } from '@nestjs/common';
import type { z } from 'zod';
import type { Sql } from '../../sql.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { ViewsReader } from '../views-reader.js';
import { projectListQuery } from './project-list.query.js';
import { PROJECT_COLUMNS, projectListItem, type ProjectListItem, type ProjectRow } from './project-row.js';

export interface ProjectListPage {
  items: ProjectListItem[];
  nextCursor: string | null;
}

type Parameters = z.output<typeof projectListQuery.query>;

/** Each sort key: the expression it orders by (indexed: see project_summary), how it is printed into a cursor and read back. */
const SORT_KEYS = {
  id: { expression: 'p.project_id collate "C"', printed: 'p.project_id', type: 'text' },
  title: { expression: 'p.title collate "C"', printed: 'p.title', type: 'text' },
  status: { expression: 'p.status collate "C"', printed: 'p.status', type: 'text' },
  registeredAt: { expression: 'p.registered_at', printed: `to_char(p.registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, type: 'timestamptz' },
  updatedAt: { expression: 'p.updated_at', printed: `to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, type: 'timestamptz' },
} as const;

@Controller('api/v1')
export class ProjectListController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(projectListQuery.path)
  async projects(@Query() raw: unknown): Promise<ProjectListPage> {
    const parameters = this.reader.parameters(projectListQuery, raw);
    const key = parameters.sort.replace(/^-/, '') as keyof typeof SORT_KEYS;
    const after = decodeCursor(parameters.cursor, key === 'id' ? 1 : 2, parameters.sort);
    return this.reader.read(parameters, (sql) => listProjects(sql, parameters, after));
  }
}

const values = (list: string | undefined): string[] | undefined => list?.split(',');

export async function listProjects(sql: Sql, parameters: Parameters, after: (string | number)[] | null | undefined): Promise<ProjectListPage> {
  const descending = parameters.sort.startsWith('-');
  const key = SORT_KEYS[parameters.sort.replace(/^-/, '') as keyof typeof SORT_KEYS];
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  // One value is an equality, so an index on (column, id) answers the page in order; several, any of them.
  const oneOf = (column: string, list: string[]): string => (list.length === 1 ? `${column} = ${bind(list[0])}` : `${column} = any(${bind(list)}::text[])`);
  const clusters = values(parameters.cluster);
  if (clusters) where.push(oneOf('p.cluster', clusters));
  const statuses = values(parameters.status);
  if (statuses) where.push(oneOf('p.status collate "C"', statuses));
  const ratings = values(parameters.rating);
  if (ratings) where.push(oneOf('p.rating', ratings));
  const countries = values(parameters.country);
  // One containment per country, so each is answered by the GIN index on countries.
  if (countries) where.push(`(${countries.map((code) => `p.countries @> ${bind(JSON.stringify([{ code }]))}::jsonb`).join(' or ')})`);
  const financiers = values(parameters.financier);
  if (financiers)
    where.push(`exists (select 1 from agreement_view a where a.project_id = p.project_id and a.financier_ref = any(${bind(financiers)}::text[]))`);
  // search_text is lower-cased when written; the pattern too (Unicode-aware, whatever the database's locale).
  if (parameters.q !== undefined) where.push(`p.search_text like ${bind(`%${parameters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  const comparison = descending ? '<' : '>';
  const direction = descending ? 'desc' : 'asc';
  if (after) {
    if (after.length === 1) where.push(`p.project_id collate "C" ${comparison} ${bind(String(after[0]))}`);
    else where.push(`(${key.expression}, p.project_id collate "C") ${comparison} (${bind(String(after[0]))}::${key.type}, ${bind(String(after[1]))})`);
  }
  const order =
    parameters.sort.replace(/^-/, '') === 'id'
      ? `p.project_id collate "C" ${direction}`
      : `${key.expression} ${direction}, p.project_id collate "C" ${direction}`;
  const rows: (ProjectRow & { sort_key: string })[] = await sql(
    `select ${PROJECT_COLUMNS}, ${key.printed} as sort_key from project_summary p
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by ${order} limit ${bind(parameters.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, parameters.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > parameters.limit && last
      ? encodeCursor(parameters.sort.replace(/^-/, '') === 'id' ? [last.project_id] : [last.sort_key, last.project_id], parameters.sort)
      : null;
  return { items: page.map(projectListItem), nextCursor };
}
