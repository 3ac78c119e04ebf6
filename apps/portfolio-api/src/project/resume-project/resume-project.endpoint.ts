import { resumeProjectUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, text } from '@ecab/contracts/commands';

export const resumeProjectEndpoint = defineEndpoint({
  name: resumeProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/resumption',
  tag: 'Lifecycle',
  summary: 'Resume a suspended project',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ reason: text(1000).optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: resumeProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { reason: 'Works resumed in spring' } }),
});
