import { z } from 'zod';
import { coded, projectStage } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectStatusChangedV1 = z
  .object({
    ...projectFact,
    from: coded('ActivityStatus').describe('The IATI activity status before'),
    to: coded('ActivityStatus').describe('The IATI activity status after'),
    stage: projectStage.describe('The life stage after the move, derived from the new status'),
    reason: z.string().min(1).optional(),
    correction: z.boolean().optional().describe('True when a correction overrode the transition rules (e.g. reopening a closed project)'),
  })
  .loose();

export type ProjectStatusChangedDataV1 = z.infer<typeof projectStatusChangedV1>;
