import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, currencyField, dateField, organisationIdField, pathIds } from '../../commands/fields.js';

export const recordDisbursementEndpoint = defineEndpoint({
  name: 'RecordDisbursement',
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/disbursements',
  tag: 'Financing',
  summary: 'Record a disbursement to the project (never beyond what is committed)',
  creates: true,
  params: pathIds('projectId'),
  body: z.object({ amount: amountField, currency: currencyField, date: dateField, financier: organisationIdField }).strict(),
  toCommand: ({ params, body, newId }) => ({ type: 'RecordDisbursement', data: { projectId: params.projectId, disbursementId: newId(), ...body } }),
  resourceId: (command) => command.data.disbursementId,
  example: ({ projectId }) => ({ params: { projectId }, body: { amount: '250000.00', currency: 'USD', date: '2024-09-15', financier: 'XM-DAC-46004' } }),
});
