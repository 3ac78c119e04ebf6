import { recordAgreementCommitmentUseCase } from '@ecab/domain';
import { recordAgreementCommitmentRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const recordAgreementCommitmentEndpoint = defineEndpoint({
  name: recordAgreementCommitmentUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Record the commitment under the agreement (IATI 11 Incoming Commitment)',
  description: 'May be recorded from signing, before effectiveness.',
  creates: true,
  ...recordAgreementCommitmentRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordAgreementCommitmentUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: { id: 'C-2025-03', amount: '24000000.00', currency: 'USD', valueDate: '2025-03-14' },
  }),
});
