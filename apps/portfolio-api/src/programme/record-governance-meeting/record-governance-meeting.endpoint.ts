import { recordGovernanceMeetingUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, dateField, idField, pathIds, requiredText, sourceField, text } from '@ecab/contracts/commands';

export const recordGovernanceMeetingEndpoint = defineEndpoint({
  name: recordGovernanceMeetingUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes/:programmeId/governance-meetings',
  tag: 'Programme',
  summary: 'Record a governance meeting (igc, subcommittee or working-group) and its decisions, effective on the meeting date',
  description: 'Decision ids are unique within the programme; actions are assigned to a decision by its id.',
  creates: true,
  params: pathIds('programmeId'),
  body: z
    .object({
      /** Optional: the meeting's id (e.g. IGC-12); a UUID is assigned when absent. */
      id: idField.optional(),
      body: codeField,
      /** E.g. Transport & Infrastructure, for a working group. */
      bodyName: text(500).optional(),
      meetingNumber: z.number({ error: 'must be a number, e.g. 12' }).finite('must be a finite number').optional(),
      date: dateField,
      place: requiredText(500),
      decisions: z
        .array(z.object({ decisionId: idField, text: requiredText(4000), kind: codeField }, { error: 'must be an object {decisionId, text, kind}' }).strict(), {
          error: 'must be a list of {decisionId, text, kind}',
        })
        .max(100, 'must list at most 100 decisions'),
      source: sourceField.optional(),
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordGovernanceMeetingUseCase.commandType,
    data: { programmeId: params.programmeId, meetingId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.meetingId,
  example: ({ unique }) => ({
    params: { programmeId: `ECAB-${unique}` },
    body: {
      id: 'IGC-12',
      body: 'igc',
      meetingNumber: 12,
      date: '2024-12-05',
      place: 'Bishkek',
      decisions: [
        { decisionId: 'IGC12-D1', text: 'Roadmap for seven joint checkpoints', kind: 'roadmap' },
        { decisionId: 'IGC12-D2', text: 'Feasibility study for the 280 km alternative road', kind: 'protocol' },
      ],
      source: { citation: 'IGC 12 protocol (example)', confidence: 'illustrative' },
    },
  }),
});
