import { amendCommitmentUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { pathIds, requiredText, transactionFields } from '@ecab/contracts/commands';
import { exampleAgreementId } from '../agreement-fields.js';

export const amendCommitmentEndpoint = defineEndpoint({
  name: amendCommitmentUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  path: 'agreements/:agreementId/commitment-amendments',
  tag: 'Financing',
  summary: 'Increase or decrease the commitment in a currency already committed, with the reason',
  description: 'A decrease may not leave the net commitment below what has been disbursed.',
  creates: true,
  params: pathIds('agreementId'),
  body: z
    .object({
      ...transactionFields,
      change: z.enum(['increase', 'decrease'], { error: 'must be increase or decrease' }),
      reason: requiredText(1000),
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: amendCommitmentUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: {
      amount: '1000000.00',
      currency: 'USD',
      valueDate: '2025-09-01',
      change: 'increase',
      reason: 'Additional financing for the Kordai approach road (example)',
    },
  }),
});
