import { z } from 'zod';
import { clusterField, projectIdField } from '../request-fields.js';

export const registerProjectRequest = z
  .object({
    /** Optional: the project's local id (e.g. ECAB-TR-01); a UUID is assigned when absent. */
    id: projectIdField.optional(),
    title: z.string({ error: 'is required text' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
    cluster: clusterField,
    countries: z
      .array(
        z
          .object({
            code: z.enum(['KZ', 'KG'], { error: 'must be KZ or KG' }),
            percentage: z.number({ error: 'must be a number' }).gt(0, 'must be more than 0').lte(100, 'must be at most 100'),
          })
          .strict(),
        { error: 'must be a list of {code, percentage}' },
      )
      .min(1, 'must name at least one recipient country')
      .max(10, 'is too long'),
  })
  .strict();
export type RegisterProjectRequest = z.infer<typeof registerProjectRequest>;
