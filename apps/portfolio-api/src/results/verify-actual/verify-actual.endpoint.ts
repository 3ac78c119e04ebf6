import { verifyActualUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, periodField } from '@ecab/contracts/commands';

export const verifyActualEndpoint = defineEndpoint({
  name: verifyActualUseCase.commandType,
  aggregate: 'results',
  method: 'post',
  path: 'projects/:projectId/indicators/:indicatorId/actuals/verification',
  tag: 'Results',
  summary: 'Verify the actual reported for a period; the verified value then reaches partners',
  creates: false,
  params: pathIds('projectId', 'indicatorId'),
  body: z.object({ period: periodField, effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: verifyActualUseCase.commandType, data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({ params: { projectId, indicatorId: 'TRIP-HOURS' }, body: { period: { start: '2025-01-01', end: '2025-12-31' } } }),
});
