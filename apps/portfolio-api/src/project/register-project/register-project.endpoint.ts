import { registerProjectUseCase } from '@ecab/domain';
import { registerProjectRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const registerProjectEndpoint = defineEndpoint({
  name: registerProjectUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  tag: 'Projects',
  summary: 'Register a project in a cluster, with its recipient countries',
  creates: true,
  ...registerProjectRequest,
  toCommand: ({ body: { id, ...rest }, newId }) => ({ type: registerProjectUseCase.commandType, data: { projectId: id ?? newId(), ...rest } }),
  example: ({ unique }) => ({
    params: {},
    body: {
      id: `ECAB-TR-EX-${unique}`,
      title: 'Almaty–Issyk-Kul alternative road (example)',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 50 },
      ],
    },
  }),
});
