import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, periodField, sourceField } from '../../commands/fields.js';
import { indicatorValueField } from '../indicator-value-field.js';

export const setTargetEndpoint = defineEndpoint({
  name: 'SetTarget',
  aggregate: 'results',
  method: 'post',
  path: 'projects/:projectId/indicators/:indicatorId/targets',
  tag: 'Results',
  summary: 'Set an indicator’s target for a period (which may lie ahead); a new target for the same period replaces it',
  creates: false,
  params: pathIds('projectId', 'indicatorId'),
  body: z.object({ period: periodField, value: indicatorValueField, source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: 'SetTarget', data: { projectId: params.projectId, indicatorId: params.indicatorId, ...body } }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, indicatorId: 'TRIP-HOURS' },
    body: { period: { start: '2028-01-01', end: '2028-12-31' }, value: '4.0' },
  }),
});
