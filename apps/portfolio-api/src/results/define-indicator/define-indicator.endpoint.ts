import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, idField, pathIds, requiredText, text } from '../../commands/fields.js';

export const defineIndicatorEndpoint = defineEndpoint({
  name: 'DefineIndicator',
  aggregate: 'results',
  method: 'post',
  path: 'projects/:projectId/results/:resultId/indicators',
  tag: 'Results',
  summary: 'Define an indicator of a result (IATI measure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative)',
  description: 'Indicator ids are unique within the project: baselines, targets and actuals address the indicator by its id alone.',
  creates: true,
  params: pathIds('projectId', 'resultId'),
  body: z
    .object({
      /** Optional: the indicator's id within the project (e.g. TRIP-HOURS); a UUID is assigned when absent. */
      id: idField.optional(),
      title: requiredText(500),
      measure: codeField,
      /** False for indicators that should fall, e.g. travel time or PM2.5. */
      ascending: z.boolean({ error: 'must be true (higher is better) or false (lower is better)' }),
      unit: text(100).optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: 'DefineIndicator',
    data: { projectId: params.projectId, resultId: params.resultId, indicatorId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.indicatorId,
  example: ({ projectId }) => ({
    params: { projectId, resultId: 'OUTCOME-1' },
    body: { id: 'TRIP-HOURS', title: 'Travel time Almaty–Cholpon-Ata by road', measure: '1', ascending: false, unit: 'hours' },
  }),
});
