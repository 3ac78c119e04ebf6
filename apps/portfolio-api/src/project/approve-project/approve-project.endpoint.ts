import { approveProjectUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, organisationReferenceField, pathIds, sourceField } from '@ecab/contracts/commands';

export const approveProjectEndpoint = defineEndpoint({
  name: approveProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/approval',
  tag: 'Lifecycle',
  summary: 'Record the board (or government) approval',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ approvalDate: dateField, approvedBy: organisationReferenceField.optional(), source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({ type: approveProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      approvalDate: '2024-05-10',
      approvedBy: { organisationId: 'XM-DAC-46004' },
      source: { citation: 'ADB Board approval (example)', confidence: 'illustrative' },
    },
  }),
});
