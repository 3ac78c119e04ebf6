import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, currencyField, dateField, organisationIdField, pathIds } from '../../commands/fields.js';

export const recordCommitmentEndpoint = defineEndpoint({
  name: 'RecordCommitment',
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/commitments',
  tag: 'Financing',
  summary: 'Record a commitment to the project by a financier',
  creates: true,
  params: pathIds('projectId'),
  body: z.object({ amount: amountField, currency: currencyField, date: dateField, financier: organisationIdField }).strict(),
  toCommand: ({ params, body, newId }) => ({ type: 'RecordCommitment', data: { projectId: params.projectId, commitmentId: newId(), ...body } }),
  resourceId: (command) => command.data.commitmentId,
  example: ({ projectId }) => ({ params: { projectId }, body: { amount: '1500000.00', currency: 'USD', date: '2024-06-01', financier: 'XM-DAC-46004' } }),
});
