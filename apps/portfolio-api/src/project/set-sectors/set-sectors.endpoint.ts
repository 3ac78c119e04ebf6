import { setSectorsUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, pathIds, percentageField } from '@ecab/contracts/commands';

export const setSectorsEndpoint = defineEndpoint({
  name: setSectorsUseCase.commandType,
  aggregate: 'project',
  method: 'put',
  path: 'projects/:projectId/sectors',
  tag: 'Projects',
  summary: 'Replace the sectors (DAC codes, with percentages summing to 100 per vocabulary)',
  creates: false,
  params: pathIds('projectId'),
  body: z
    .object({
      sectors: z
        .array(z.object({ vocabulary: codeField, code: codeField, percentage: percentageField }).strict(), {
          error: 'must be a list of {vocabulary, code, percentage}',
        })
        .max(50, 'must list at most 50 sectors'),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body }) => ({ type: setSectorsUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      sectors: [
        { vocabulary: '1', code: '21020', percentage: 80 },
        { vocabulary: '1', code: '33120', percentage: 20 },
      ],
    },
  }),
});
