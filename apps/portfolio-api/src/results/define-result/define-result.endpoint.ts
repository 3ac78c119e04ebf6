import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, idField, pathIds, requiredText } from '../../commands/fields.js';

export const defineResultEndpoint = defineEndpoint({
  name: 'DefineResult',
  aggregate: 'results',
  method: 'post',
  path: 'projects/:projectId/results',
  tag: 'Results',
  summary: 'Define a result of the project’s results framework (IATI result type: 1 output, 2 outcome, 3 impact, 9 other)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the result's id within the project (e.g. OUTCOME-1); a UUID is assigned when absent. */
      id: idField.optional(),
      resultType: codeField,
      title: requiredText(500),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({ type: 'DefineResult', data: { projectId: params.projectId, resultId: id ?? newId(), ...rest } }),
  resourceId: (command) => command.data.resultId,
  example: ({ projectId }) => ({ params: { projectId }, body: { id: 'OUTCOME-1', resultType: '2', title: 'Faster travel between Almaty and Issyk-Kul' } }),
});
