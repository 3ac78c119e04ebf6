import { z } from 'zod';
import { PAGE_PARAMETERS } from '../pagination.js';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const projectTimelineQuery = defineQuery({
  name: 'ProjectTimeline',
  path: 'projects/:id/timeline',
  pathParameters: ['id'],
  tag: 'Projects',
  csv: true,
  summary: 'Every event of a project, over all of its streams, in order, paged',
  description:
    'What happened (type and data), when it took effect in the world, when it was recorded, who recorded it, and for a correction why. ' +
    '`order=recorded` (default) is the order the platform learned things; `order=effective` the order they happened (events without an effective date count on the day they were recorded; ties by recorded time). ' +
    "Pages are walked with `cursor` = the previous page's `nextCursor` (null on the last page).",
  query: z
    .object({
      order: z.enum(['recorded', 'effective'], { error: 'must be recorded or effective' }).default('recorded').describe('recorded (default) or effective'),
      ...PAGE_PARAMETERS,
      ...READ_PARAMETERS,
    })
    .strict(),
});
