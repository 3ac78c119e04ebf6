import { completeContractUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, pathIds, sourceField } from '@ecab/contracts/commands';

export const completeContractEndpoint = defineEndpoint({
  name: completeContractUseCase.commandType,
  aggregate: 'contract-package',
  method: 'post',
  path: 'contract-packages/:contractId/completion',
  tag: 'Procurement',
  summary: 'Complete an awarded contract on its completion date',
  creates: false,
  params: pathIds('contractId'),
  body: z.object({ completionDate: dateField, source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({ type: completeContractUseCase.commandType, data: { contractId: params.contractId, ...body } }),
  resourceId: (command) => command.data.contractId,
  example: ({ projectId }) => ({ params: { contractId: `CP-${projectId}` }, body: { completionDate: '2026-10-31' } }),
});
