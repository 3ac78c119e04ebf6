import { renameOrganisationUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, localizedNamesField, pathIds } from '@ecab/contracts/commands';

export const renameOrganisationEndpoint = defineEndpoint({
  name: renameOrganisationUseCase.commandType,
  aggregate: 'organisation',
  method: 'put',
  path: 'organisations/:organisationId/names',
  tag: 'Organisations',
  summary: 'Replace an organisation’s names (en required; ru, kk, ky optional) from the effective date',
  creates: false,
  params: pathIds('organisationId'),
  body: z.object({ names: localizedNamesField, effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: renameOrganisationUseCase.commandType, data: { organisationId: params.organisationId, ...body } }),
  example: ({ unique }) => ({
    params: { organisationId: `KZ-MNE-${unique}` },
    body: {
      names: {
        en: 'Ministry of National Economy of the Republic of Kazakhstan (example)',
        ru: 'Министерство национальной экономики Республики Казахстан (пример)',
      },
      effectiveDate: '2019-01-01',
    },
  }),
});
