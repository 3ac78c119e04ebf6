import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { clusterField, countrySharesField, effectiveDateField, projectIdField, requiredText } from '../../commands/fields.js';

export const registerProjectEndpoint = defineEndpoint({
  name: 'RegisterProject',
  aggregate: 'project',
  method: 'post',
  path: 'projects',
  tag: 'Projects',
  summary: 'Register a project in a cluster, with its recipient countries',
  creates: true,
  params: z.object({}).strict(),
  body: z
    .object({
      /** Optional: the project's local id (e.g. ECAB-TR-01); a UUID is assigned when absent. */
      id: projectIdField.optional(),
      title: requiredText(500),
      cluster: clusterField,
      countries: countrySharesField,
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ body: { id, ...rest }, newId }) => ({ type: 'RegisterProject', data: { projectId: id ?? newId(), ...rest } }),
  example: ({ unique }) => ({
    params: {},
    body: {
      id: `ECAB-TR-EX-${unique}`,
      title: 'Almaty–Issyk-Kul alternative road (example)',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 50 },
      ],
    },
  }),
});
