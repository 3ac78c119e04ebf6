import { cancelFundsUseCase } from '@ecab/domain';
import { cancelFundsRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const cancelFundsEndpoint = defineEndpoint({
  name: cancelFundsUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Cancel part of the undisbursed commitment, with the reason',
  description: 'Never more than what is still undisbursed: the net commitment may not fall below the funds received or paid.',
  creates: true,
  ...cancelFundsRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: cancelFundsUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: { amount: '500000.00', currency: 'USD', valueDate: '2026-03-02', reason: 'Savings on the consultancy package (example)' },
  }),
});
