import { approveContractVariationUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, idField, pathIds, requiredText, sourceField } from '@ecab/contracts/commands';
import { signedMoneyField } from '../money-fields.js';

export const approveContractVariationEndpoint = defineEndpoint({
  name: approveContractVariationUseCase.commandType,
  aggregate: 'contract-package',
  method: 'post',
  path: 'contract-packages/:contractId/variations',
  tag: 'Procurement',
  summary: 'Approve a variation of an awarded contract (a signed change of its value, in its currency), with the reason',
  creates: true,
  params: pathIds('contractId'),
  body: z
    .object({
      /** Optional: the variation's id (e.g. VO-1); a UUID is assigned when absent. */
      id: idField.optional(),
      amountDelta: signedMoneyField,
      reason: requiredText(1000),
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: approveContractVariationUseCase.commandType,
    data: { contractId: params.contractId, variationId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.variationId,
  example: ({ projectId }) => ({
    params: { contractId: `CP-${projectId}` },
    body: { id: 'VO-1', amountDelta: { amount: '250000.00', currency: 'USD' }, reason: 'Additional drainage works (example)', effectiveDate: '2025-09-01' },
  }),
});
