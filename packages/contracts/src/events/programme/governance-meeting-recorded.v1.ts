import { z } from 'zod';
import { identifier, isoDate, source } from '../values.js';
import { programmeFact } from './programme-fact.js';

export const governanceMeetingRecordedV1 = z
  .object({
    ...programmeFact,
    meetingId: identifier.describe('Unique within the programme'),
    body: z
      .enum(['igc', 'subcommittee', 'working-group'])
      .describe('igc: the KZ–KG Intergovernmental Council; subcommittee: the ABEC Subcommittee; working-group: a joint working group'),
    bodyName: z.string().min(1).optional().describe('The name of the body, e.g. of the working group'),
    meetingNumber: z.number().int().optional().describe("The meeting's number, e.g. 7 for the seventh meeting"),
    date: isoDate.describe('The meeting date (YYYY-MM-DD); also the effective date'),
    place: z.string().min(1),
    decisions: z
      .array(
        z
          .object({
            decisionId: identifier.describe('Unique within the programme'),
            text: z.string().min(1),
            kind: z.enum(['protocol', 'roadmap', 'memorandum', 'other']),
          })
          .loose(),
      )
      .min(1)
      .describe('The decisions taken; at least one'),
    source: source.optional(),
  })
  .loose();

export type GovernanceMeetingRecordedDataV1 = z.infer<typeof governanceMeetingRecordedV1>;
