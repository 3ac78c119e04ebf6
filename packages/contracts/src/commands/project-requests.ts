import { z } from 'zod';
import { clusterField, codeField, correctionField, countrySharesField, effectiveDateField, pathIds, projectIdField, requiredText, text } from './fields.js';

/** The requests of the project commands the portal records, as portfolio-api checks them (and the portal before sending). */

/** RegisterProject: its route under /api/v1, path parameters and body. */
export const registerProjectRequest = {
  path: 'projects',
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
};

/** ChangeProjectStatus: its route under /api/v1, path parameters and body. */
export const changeProjectStatusRequest = {
  path: 'projects/:projectId/status',
  params: pathIds('projectId'),
  body: z.object({ status: codeField, reason: text(1000).optional(), correction: correctionField.optional(), effectiveDate: effectiveDateField }).strict(),
};
