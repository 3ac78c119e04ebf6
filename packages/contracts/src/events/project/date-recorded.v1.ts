import { z } from 'zod';
import { coded, isoDate, source } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectDateRecordedV1 = z
  .object({
    ...projectFact,
    dateType: coded('ActivityDateType').describe('1 planned start, 2 actual start, 3 planned end, 4 actual end'),
    date: isoDate.describe('The date (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type ProjectDateRecordedDataV1 = z.infer<typeof projectDateRecordedV1>;
