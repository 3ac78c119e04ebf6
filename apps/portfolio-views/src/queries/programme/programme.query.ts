import { z } from 'zod';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const programmeQuery = defineQuery({
  name: 'Programme',
  path: 'programme',
  tag: 'Programme',
  summary: 'The programme: KPI series against their targets, governance meetings, decisions and action items',
  description:
    'Each KPI with its observations in time order, its targets (a target set again for the same year or date supersedes the earlier one) and progress = (latest − baseline) ÷ (target − baseline), where the baseline is the first observation and the target the one furthest ahead (not clamped: above 1 is beyond the target). Meetings, latest first, with their decisions and action items; an action is done when completed, overdue when its due date is before `on` (default today, UTC), else open.',
  query: z
    .object({
      programme: z
        .string()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters')
        .optional()
        .describe('The programme id (needed only when several are registered)'),
      on: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).optional().describe('The day action items are judged on (default today)'),
      ...READ_PARAMETERS,
    })
    .strict(),
});
