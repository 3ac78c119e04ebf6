import { z } from 'zod';
import { coded, percentage } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectSectorsSetV1 = z
  .object({
    ...projectFact,
    sectors: z
      .array(
        z
          .object({
            vocabulary: coded('SectorVocabulary').describe('1: DAC 5-digit; 98/99: ECAB cluster codes'),
            code: coded('Sector').describe('A DAC 5-digit sector (codelist Sector), or the ECAB cluster for vocabulary 98/99'),
            percentage: percentage.describe('Share within its vocabulary, in percent, at most 2 decimals'),
          })
          .loose(),
      )
      .min(1)
      .describe('The whole sector set, replacing the previous one; shares add up to 100 per vocabulary'),
  })
  .loose();

export type ProjectSectorsSetDataV1 = z.infer<typeof projectSectorsSetV1>;
