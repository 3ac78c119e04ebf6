import { rejectActualUseCase, reportActualUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, periodField, requiredText } from '@ecab/contracts/commands';

export const rejectActualEndpoint = defineEndpoint({
  name: rejectActualUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  path: 'projects/:projectId/indicators/:indicatorId/actuals/rejection',
  tag: 'Results',
  summary: 'Reject the actual reported for a period, saying why; a corrected report may follow',
  creates: false,
  params: pathIds('projectId', 'indicatorId'),
  body: z.object({ period: periodField, reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: rejectActualUseCase.commandType, data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, indicatorId: 'TRIP-HOURS' },
    body: { period: { start: '2026-01-01', end: '2026-06-30' }, reason: 'Survey covered the old road only' },
  }),
  // The 2025 actual is verified by the example before; this one rejects a second, pending report.
  examplePrelude: ({ projectId }) => [
    {
      name: reportActualUseCase.commandType,
      params: { projectId, indicatorId: 'TRIP-HOURS' },
      body: { period: { start: '2026-01-01', end: '2026-06-30' }, value: '5.1' },
    },
  ],
});
