import { assignIatiIdentifierUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { correctionField, effectiveDateField, organisationIdField, pathIds, requiredText } from '@ecab/contracts/commands';

export const assignIatiIdentifierEndpoint = defineEndpoint({
  name: assignIatiIdentifierUseCase.commandType,
  aggregate: 'project',
  method: 'put',
  path: 'projects/:projectId/iati-identifier',
  tag: 'Projects',
  summary: 'Assign the IATI identifier (frozen once published; a correction may change it)',
  creates: false,
  params: pathIds('projectId'),
  body: z
    .object({ reportingOrgRef: organisationIdField, localId: requiredText(100), correction: correctionField.optional(), effectiveDate: effectiveDateField })
    .strict(),
  toCommand: ({ params, body }) => ({ type: assignIatiIdentifierUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { reportingOrgRef: 'XM-DAC-46004', localId: projectId } }),
});
