import { z } from 'zod';
import { defineQuery, READ_PARAMETERS } from '../view-query.js';

export const projectProfileQuery = defineQuery({
  name: 'ProjectProfile',
  path: 'projects/:id',
  pathParameters: ['id'],
  tag: 'Projects',
  summary: 'One project: what it is, its status, dates and rating, its money, its quarterly ratings, risks and issues, and its latest activity',
  query: z.object({ ...READ_PARAMETERS }).strict(),
});
