import { z } from 'zod';
import { identifier } from '../values.js';
import { projectFact } from './project-fact.js';

export const projectIdentifierAssignedV1 = z
  .object({
    ...projectFact,
    iatiIdentifier: identifier.describe('The IATI activity identifier, <reportingOrgRef>-<localId>'),
    reportingOrgRef: identifier.describe('The IATI organisation identifier of the reporting organisation'),
    localId: identifier.describe("The reporting organisation's own id of the activity"),
    supersededIdentifier: identifier.optional().describe('Set when a correction replaced a published identifier; it became other-identifier A3'),
    correctionReason: z.string().min(1).optional().describe('Why the published identifier was corrected'),
  })
  .loose();

export type ProjectIdentifierAssignedDataV1 = z.infer<typeof projectIdentifierAssignedV1>;
