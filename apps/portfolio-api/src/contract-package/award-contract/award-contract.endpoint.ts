import { awardContractUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, organisationReferenceField, pathIds, sourceField } from '@ecab/contracts/commands';
import { moneyField } from '../money-fields.js';

export const awardContractEndpoint = defineEndpoint({
  name: awardContractUseCase.commandType,
  aggregate: 'contract-package',
  method: 'post',
  path: 'contract-packages/:contractId/award',
  tag: 'Procurement',
  summary: 'Award a planned package to a contractor, with the contract value and award date',
  creates: false,
  params: pathIds('contractId'),
  body: z.object({ contractor: organisationReferenceField, contractValue: moneyField, awardDate: dateField, source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({ type: awardContractUseCase.commandType, data: { contractId: params.contractId, ...body } }),
  resourceId: (command) => command.data.contractId,
  example: ({ projectId }) => ({
    params: { contractId: `CP-${projectId}` },
    body: {
      contractor: { name: 'Kyrgyzavtozhol JV (example)' },
      contractValue: { amount: '11500000.00', currency: 'USD' },
      awardDate: '2025-04-15',
      source: { citation: 'Contract award notice (example)', confidence: 'illustrative' },
    },
  }),
});
