import { reportActualUseCase } from '@ecab/domain';
import { reportActualRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const reportActualEndpoint = defineEndpoint({
  name: reportActualUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  tag: 'Results',
  summary: 'Report an indicator’s actual value for a period that has started; it awaits verification',
  description: 'An actual is addressed by its indicator and period. A new report replaces a pending or rejected one for the same period, never a verified one.',
  creates: false,
  ...reportActualRequest,
  toCommand: ({ params, body }) => ({ type: reportActualUseCase.commandType, data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, indicatorId: 'TRIP-HOURS' },
    body: {
      period: { start: '2025-01-01', end: '2025-12-31' },
      value: '5.8',
      source: { citation: 'Road agency travel-time survey 2025 (example)', confidence: 'illustrative' },
    },
  }),
});
