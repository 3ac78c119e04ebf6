import { setBaselineUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, indicatorValueField, pathIds, sourceField } from '@ecab/contracts/commands';

export const setBaselineEndpoint = defineEndpoint({
  name: setBaselineUseCase.commandType,
  aggregate: 'results',
  method: 'put',
  path: 'projects/:projectId/indicators/:indicatorId/baseline',
  tag: 'Results',
  summary: 'Set (or replace) an indicator’s baseline: the value measured in a past year',
  creates: false,
  params: pathIds('projectId', 'indicatorId'),
  body: z
    .object({
      year: z.number({ error: 'must be a year (number), e.g. 2023' }).finite('must be a finite number'),
      value: indicatorValueField,
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body }) => ({ type: setBaselineUseCase.commandType, data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, indicatorId: 'TRIP-HOURS' },
    body: { year: 2023, value: '6.5', source: { citation: 'Feasibility study traffic survey (example)', confidence: 'illustrative' } },
  }),
});
