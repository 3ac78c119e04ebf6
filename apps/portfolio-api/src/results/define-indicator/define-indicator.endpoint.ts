import { defineIndicatorUseCase } from '@ecab/domain';
import { defineIndicatorRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const defineIndicatorEndpoint = defineEndpoint({
  name: defineIndicatorUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  tag: 'Results',
  summary: 'Define an indicator of a result (IATI measure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative)',
  description: 'Indicator ids are unique within the project: baselines, targets and actuals address the indicator by its id alone.',
  creates: true,
  ...defineIndicatorRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: defineIndicatorUseCase.commandType,
    data: { projectId: params.projectId, resultId: params.resultId, indicatorId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, resultId: 'OUTCOME-1' },
    body: { id: 'TRIP-HOURS', title: 'Travel time Almaty–Cholpon-Ata by road', measure: '1', ascending: false, unit: 'hours' },
  }),
});
