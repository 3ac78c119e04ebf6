import { z } from 'zod';
import { idField } from './fields.js';

/** A quarterly review period written YYYY-Qn, e.g. 2026-Q3 (the domain checks that it has started). */
export const reviewPeriodField = z
  .string({ error: 'must be a quarter written YYYY-Qn, e.g. 2026-Q3' })
  .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter written YYYY-Qn, e.g. 2026-Q3');

/** Path parameters of a project's review of one quarter. */
export const reviewParams = z.object({ projectId: idField, period: reviewPeriodField }).strict();
