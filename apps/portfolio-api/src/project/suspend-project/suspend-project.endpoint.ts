import { suspendProjectUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, requiredText } from '@ecab/contracts/commands';

export const suspendProjectEndpoint = defineEndpoint({
  name: suspendProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/suspension',
  tag: 'Lifecycle',
  summary: 'Suspend the project, with the reason',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: suspendProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { reason: 'Winter works stop on the pass (example)' } }),
});
