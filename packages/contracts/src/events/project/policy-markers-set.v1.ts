import { z } from 'zod';
import { coded } from '../values.js';
import { projectFact } from './project-fact.js';

export const policyMarkersSetV1 = z
  .object({
    ...projectFact,
    markers: z
      .array(
        z
          .object({
            marker: coded('PolicyMarker'),
            significance: coded('PolicySignificance'),
          })
          .loose(),
      )
      .describe('The whole set of markers, each once, replacing the previous one; empty clears them'),
  })
  .loose();

export type PolicyMarkersSetDataV1 = z.infer<typeof policyMarkersSetV1>;
