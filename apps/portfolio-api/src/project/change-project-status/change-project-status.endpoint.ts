import { changeProjectStatusUseCase } from '@ecab/domain';
import { changeProjectStatusRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const changeProjectStatusEndpoint = defineEndpoint({
  name: changeProjectStatusUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  tag: 'Lifecycle',
  summary: 'Move the project to another IATI status (only legal transitions)',
  creates: false,
  ...changeProjectStatusRequest,
  toCommand: ({ params, body }) => ({ type: changeProjectStatusUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { status: '2' } }),
});
