import { completeDecisionActionUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, pathIds, sourceField } from '@ecab/contracts/commands';

export const completeDecisionActionEndpoint = defineEndpoint({
  name: completeDecisionActionUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes/:programmeId/actions/:actionId/completion',
  tag: 'Programme',
  summary: 'Record that a decision action was completed, effective on its completion date',
  creates: false,
  params: pathIds('programmeId', 'actionId'),
  body: z.object({ completionDate: dateField, source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({
    type: completeDecisionActionUseCase.commandType,
    data: { programmeId: params.programmeId, actionId: params.actionId, ...body },
  }),
  resourceId: (command) => command.data.actionId,
  example: ({ unique }) => ({
    params: { programmeId: `ECAB-${unique}`, actionId: 'IGC12-A1' },
    body: { completionDate: '2025-05-20', source: { citation: 'Subcommittee progress report (example)', confidence: 'illustrative' } },
  }),
});
