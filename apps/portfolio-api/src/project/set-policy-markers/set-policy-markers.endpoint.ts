import { setPolicyMarkersUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, pathIds } from '@ecab/contracts/commands';

export const setPolicyMarkersEndpoint = defineEndpoint({
  name: setPolicyMarkersUseCase.commandType,
  aggregate: 'project',
  method: 'put',
  path: 'projects/:projectId/policy-markers',
  tag: 'Projects',
  summary: 'Replace the policy markers (gender, climate mitigation and adaptation…)',
  creates: false,
  params: pathIds('projectId'),
  body: z
    .object({
      markers: z
        .array(z.object({ code: codeField, significance: codeField }).strict(), { error: 'must be a list of {code, significance}' })
        .max(20, 'must list at most 20 markers'),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body }) => ({ type: setPolicyMarkersUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      markers: [
        { code: '1', significance: '1' },
        { code: '7', significance: '1' },
      ],
    },
  }),
});
