import { CLUSTERS } from '@ecab/domain';
import { z } from 'zod';
import { cursorParameter, LIMIT_PARAMETER } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const overdueMilestonesQuery = defineQuery({
  name: 'OverdueMilestones',
  path: 'portfolio/overdue-milestones',
  tag: 'Portfolio',
  summary: 'Milestones overdue on a date: planned (or forecast) date passed, neither achieved nor dropped',
  description:
    'Oldest planned date first, with the slippage (forecast, else baseline, minus baseline, in days) and the days overdue on `on` (default today, UTC). Filters: the project’s cluster and a recipient country.',
  csv: true,
  query: z
    .object({
      on: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).optional().describe('The day to judge on (default today)'),
      cluster: z.enum(CLUSTERS, { error: `must be one of ${CLUSTERS.join(', ')}` }).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. KZ')
        .optional(),
      limit: LIMIT_PARAMETER,
      cursor: cursorParameter(3),
      ...READ_PARAMETERS,
    })
    .strict(),
});
