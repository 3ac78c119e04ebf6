import { setRecipientCountriesUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { countrySharesField, effectiveDateField, pathIds } from '@ecab/contracts/commands';

export const setRecipientCountriesEndpoint = defineEndpoint({
  name: setRecipientCountriesUseCase.commandType,
  aggregate: 'project',
  method: 'put',
  path: 'projects/:projectId/recipient-countries',
  tag: 'Projects',
  summary: 'Replace the recipient countries (percentages summing to 100)',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ countries: countrySharesField, effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: setRecipientCountriesUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      countries: [
        { code: 'KZ', percentage: 60 },
        { code: 'KG', percentage: 40 },
      ],
    },
  }),
});
