import { z } from 'zod';
import { clusterName, localizedNames } from '../values.js';
import { programmeFact } from './programme-fact.js';

export const programmeRegisteredV1 = z
  .object({
    ...programmeFact,
    names: localizedNames,
    aliases: z.array(z.string().min(1)).describe('Other names and abbreviations, e.g. ECAB'),
    clusters: z.array(clusterName).min(1).describe('The clusters its projects belong to'),
  })
  .loose();

export type ProgrammeRegisteredDataV1 = z.infer<typeof programmeRegisteredV1>;
