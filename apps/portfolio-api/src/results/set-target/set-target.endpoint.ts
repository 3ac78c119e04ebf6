import { setTargetUseCase } from '@ecab/domain';
import { setTargetRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const setTargetEndpoint = defineEndpoint({
  name: setTargetUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  tag: 'Results',
  summary: 'Set an indicator’s target for a period (which may lie ahead); a new target for the same period replaces it',
  creates: false,
  ...setTargetRequest,
  toCommand: ({ params, body }) => ({ type: setTargetUseCase.commandType, data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, indicatorId: 'TRIP-HOURS' },
    body: { period: { start: '2028-01-01', end: '2028-12-31' }, value: '4.0' },
  }),
});
