import { CLUSTERS, PERFORMANCE_RATINGS } from '@ecab/domain';
import { z } from 'zod';
import { PAGE_PARAMETERS } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

/** A comma-separated list of values matching `item` (at most 20). */
function list(item: string, example: string, description: string) {
  return z
    .string()
    .regex(new RegExp(`^(${item})(,(${item})){0,19}$`), `must be one or more (at most 20) comma-separated values like ${example}`)
    .optional()
    .describe(description);
}

export const PROJECT_SORTS = ['id', 'title', 'status', 'registeredAt', 'updatedAt'] as const;

export const projectListQuery = defineQuery({
  name: 'ProjectList',
  path: 'projects',
  tag: 'Projects',
  csv: true,
  summary: 'The projects, filtered, sorted and paged',
  description:
    'Filters combine with AND; a filter given as a comma-separated list matches any of its values. `q` matches the id and the titles in every language, case-insensitively. ' +
    '`sort` is id, title, status, registeredAt or updatedAt, `-` before it for descending (ties broken by id; text in code-point order). ' +
    "Pages are walked with `cursor` = the previous page's `nextCursor` (null on the last page).",
  query: z
    .object({
      cluster: list(CLUSTERS.map((c) => c.replace('-', '\\-')).join('|'), 'transport,health', `ECAB clusters: ${CLUSTERS.join(', ')}`),
      country: list('[A-Z]{2}', 'KZ,KG', 'Recipient country codes (ISO 3166-1 alpha-2): projects with any of them among their recipient countries'),
      status: list('[1-6]', '2,3', 'IATI ActivityStatus codes (1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended)'),
      financier: list('[A-Za-z0-9._-]{1,100}', 'XM-DAC-46004', 'Organisation references: projects with a financing agreement of any of these financiers'),
      rating: list(PERFORMANCE_RATINGS.join('|'), 'at_risk', `The overall rating of the latest quarter rated: ${PERFORMANCE_RATINGS.join(', ')}`),
      q: z
        .string()
        .trim()
        .min(3, 'must be at least 3 characters')
        .max(100, 'must be at most 100 characters')
        .optional()
        .describe('Text in the id or a title (case-insensitive, at least 3 characters)'),
      sort: z
        .enum([...PROJECT_SORTS, ...PROJECT_SORTS.map((s) => `-${s}` as const)], {
          error: `must be one of ${PROJECT_SORTS.join(', ')}, optionally prefixed with -`,
        })
        .default('id')
        .describe('Sort key, `-` for descending'),
      ...PAGE_PARAMETERS,
      ...READ_PARAMETERS,
    })
    .strict(),
});
