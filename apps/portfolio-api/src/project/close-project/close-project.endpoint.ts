import { changeProjectStatusUseCase, closeProjectUseCase, recordProjectDateUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, text } from '@ecab/contracts/commands';

export const closeProjectEndpoint = defineEndpoint({
  name: closeProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/closure',
  tag: 'Lifecycle',
  summary: 'Close a completed project',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ reason: text(1000).optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: closeProjectUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { reason: 'Completed and handed over' } }),
  examplePrelude: ({ projectId }) => [
    { name: recordProjectDateUseCase.commandType, params: { projectId }, body: { dateType: '4', date: '2026-06-30' } },
    { name: changeProjectStatusUseCase.commandType, params: { projectId }, body: { status: '3' } },
  ],
});
