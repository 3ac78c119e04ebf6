import { cancelProjectUseCase, registerProjectUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, requiredText } from '@ecab/contracts/commands';

export const cancelProjectEndpoint = defineEndpoint({
  name: cancelProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/cancellation',
  tag: 'Lifecycle',
  summary: 'Cancel the project, with the reason',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: cancelProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId: `${projectId}-X` }, body: { reason: 'Superseded by the motorway alignment (example)' } }),
  examplePrelude: ({ projectId }) => [
    {
      name: registerProjectUseCase.commandType,
      params: {},
      body: { id: `${projectId}-X`, title: 'Cancelled example', cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] },
    },
  ],
});
