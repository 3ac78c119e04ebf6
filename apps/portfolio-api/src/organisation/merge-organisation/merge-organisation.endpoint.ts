import { mergeOrganisationUseCase, registerOrganisationUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, idField, pathIds, text } from '@ecab/contracts/commands';

export const mergeOrganisationEndpoint = defineEndpoint({
  name: mergeOrganisationUseCase.commandType,
  aggregate: 'organisation',
  method: 'post',
  path: 'organisations/:organisationId/merger',
  tag: 'Organisations',
  summary: 'Record that an organisation was absorbed by another (e.g. a ministry reorganised); it then takes no further changes',
  creates: false,
  params: pathIds('organisationId'),
  body: z.object({ intoOrganisationId: idField, reason: text(1000).optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: mergeOrganisationUseCase.commandType, data: { organisationId: params.organisationId, ...body } }),
  example: ({ unique }) => ({
    params: { organisationId: `KZ-MNE-${unique}` },
    body: { intoOrganisationId: `KZ-MTI-${unique}`, reason: 'Government reorganisation (example)', effectiveDate: '2024-01-01' },
  }),
  // The organisation it merges into, registered first.
  examplePrelude: ({ unique }) => [
    {
      name: registerOrganisationUseCase.commandType,
      params: {},
      body: {
        organisationId: `KZ-MTI-${unique}`,
        names: { en: 'Ministry of Trade and Integration of Kazakhstan (example)' },
        type: '10',
        countryCode: 'KZ',
        effectiveDate: '2019-06-17',
      },
    },
  ],
});
