import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { correctionField, effectiveDateField, organisationIdField, pathIds, requiredText } from '@ecab/contracts/commands';

export const assignIatiIdentifierEndpoint = defineEndpoint({
  name: 'AssignIatiIdentifier',
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
  toCommand: ({ params, body }) => ({ type: 'AssignIatiIdentifier', data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { reportingOrgRef: 'XM-DAC-46004', localId: projectId } }),
});
