import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, correctionField, effectiveDateField, pathIds, text } from '../../commands/fields.js';

export const changeProjectStatusEndpoint = defineEndpoint({
  name: 'ChangeProjectStatus',
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/status',
  tag: 'Lifecycle',
  summary: 'Move the project to another IATI status (only legal transitions)',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ status: codeField, reason: text(1000).optional(), correction: correctionField.optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: 'ChangeProjectStatus', data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({ params: { projectId }, body: { status: '2' } }),
});
