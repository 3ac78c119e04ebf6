import { defineResultUseCase } from '@ecab/domain';
import { defineResultRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const defineResultEndpoint = defineEndpoint({
  name: defineResultUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  tag: 'Results',
  summary: 'Define a result of the project’s results framework (IATI result type: 1 output, 2 outcome, 3 impact, 9 other)',
  creates: true,
  ...defineResultRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: defineResultUseCase.commandType,
    data: { projectId: params.projectId, resultId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.resultId,
  example: ({ projectId }) => ({ params: { projectId }, body: { id: 'OUTCOME-1', resultType: '2', title: 'Faster travel between Almaty and Issyk-Kul' } }),
});
