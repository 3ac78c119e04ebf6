import { z } from 'zod';
import { isoDate, organisationReference, projectStage, source } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectApprovedV1 = z
  .object({
    ...projectFact,
    approvalDate: isoDate.describe('The approval date (YYYY-MM-DD)'),
    stage: projectStage.describe('The life stage after approval: approved'),
    approvedBy: organisationReference.optional().describe('The organisation that approved it, e.g. the financier'),
    source: source.optional(),
  })
  .loose();

export type ProjectApprovedDataV1 = z.infer<typeof projectApprovedV1>;
