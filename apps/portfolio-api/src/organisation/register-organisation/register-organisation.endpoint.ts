import { registerOrganisationUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, idField, localizedNamesField, organisationIdField } from '@ecab/contracts/commands';

export const registerOrganisationEndpoint = defineEndpoint({
  name: registerOrganisationUseCase.commandType,
  aggregate: 'organisation',
  method: 'post',
  path: 'organisations',
  tag: 'Organisations',
  summary: 'Register an organisation of the reference list (funder, ministry, akimat, contractor)',
  description:
    'The organisation id is the platform’s (e.g. KZ-MNE, XM-DAC-46004); `iatiOrgId` is given only once checked against the IATI register, as many public bodies have none. Type is an IATI OrganisationType (10, 11, 15, 40, 70, 71, 72).',
  creates: true,
  params: z.object({}).strict(),
  body: z
    .object({
      organisationId: idField,
      names: localizedNamesField,
      iatiOrgId: organisationIdField.optional(),
      type: codeField,
      /** ISO 3166-1 alpha-2, e.g. KZ; absent for multilaterals. */
      countryCode: codeField.optional(),
      parentId: idField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ body }) => ({ type: registerOrganisationUseCase.commandType, data: body }),
  example: ({ unique }) => ({
    params: {},
    body: {
      organisationId: `KZ-MNE-${unique}`,
      names: { en: 'Ministry of National Economy of Kazakhstan (example)', ru: 'Министерство национальной экономики РК (пример)' },
      type: '10',
      countryCode: 'KZ',
      effectiveDate: '2014-08-06',
    },
  }),
});
