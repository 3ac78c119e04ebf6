import { recordProjectDateUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, dateField, effectiveDateField, pathIds, sourceField } from '@ecab/contracts/commands';

export const recordProjectDateEndpoint = defineEndpoint({
  name: recordProjectDateUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/dates',
  tag: 'Lifecycle',
  summary: 'Record an IATI activity date (1 planned start, 2 actual start, 3 planned end, 4 actual end)',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ dateType: codeField, date: dateField, source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: recordProjectDateUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { dateType: '2', date: '2024-09-01' } }),
});
