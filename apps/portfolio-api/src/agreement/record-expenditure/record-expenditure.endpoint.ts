import { recordExpenditureUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { organisationReferenceField, pathIds, transactionFields } from '@ecab/contracts/commands';
import { EXAMPLE_REVERSED_TRANSACTION_ID, exampleAgreementId } from '../agreement-fields.js';

export const recordExpenditureEndpoint = defineEndpoint({
  name: recordExpenditureUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  path: 'agreements/:agreementId/expenditures',
  tag: 'Financing',
  summary: 'Record money spent directly on goods and services (IATI 4 Expenditure)',
  description: 'Only once the agreement is effective; payments (disbursements and expenditures) never exceed the net commitment.',
  creates: true,
  params: pathIds('agreementId'),
  body: z.object({ ...transactionFields, receiver: organisationReferenceField.optional() }).strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordExpenditureUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  // Entered twice by mistake: the reversal example undoes it.
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: {
      id: EXAMPLE_REVERSED_TRANSACTION_ID,
      amount: '300000.00',
      currency: 'USD',
      valueDate: '2025-10-01',
      receiver: { name: 'Road safety audit consultants (example)' },
    },
  }),
});
