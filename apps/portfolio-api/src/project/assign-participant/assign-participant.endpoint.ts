import { assignParticipantUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, organisationReferenceField, pathIds } from '@ecab/contracts/commands';

export const assignParticipantEndpoint = defineEndpoint({
  name: assignParticipantUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/participants',
  tag: 'Projects',
  summary: 'Name a participating organisation with its IATI role',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({ organisation: organisationReferenceField, role: codeField, organisationType: codeField.optional(), effectiveDate: effectiveDateField })
    .strict(),
  toCommand: ({ params, body }) => ({ type: assignParticipantUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: { organisation: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' }, role: '1' },
  }),
});
