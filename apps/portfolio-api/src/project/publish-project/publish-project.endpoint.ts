import { publishProjectUseCase } from '@ecab/domain';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDatedBody, pathIds } from '@ecab/contracts/commands';

export const publishProjectEndpoint = defineEndpoint({
  name: publishProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/publication',
  tag: 'Projects',
  summary: 'Publish the project (IATI, partners): its identifier is frozen from now on',
  creates: false,
  params: pathIds('projectId'),
  body: effectiveDatedBody,
  toCommand: ({ params, body }) => ({ type: publishProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: {} }),
});
