import { z } from 'zod';
import { clusterName, countryCode, effectiveDate, projectId } from '../values.js';

export const projectRegisteredV1 = z
  .object({
    projectId,
    title: z.string().min(1),
    cluster: clusterName,
    countries: z
      .array(
        z
          .object({
            code: countryCode,
            percentage: z.number().gt(0).max(100).describe('Share of the project, in percent, at most 2 decimals'),
          })
          .loose(),
      )
      .min(1)
      .describe('Recipient countries; the percentages add up to 100'),
    effectiveDate,
  })
  .loose();

export type ProjectRegisteredDataV1 = z.infer<typeof projectRegisteredV1>;
