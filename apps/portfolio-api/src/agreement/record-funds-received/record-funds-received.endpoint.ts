import { recordFundsReceivedUseCase } from '@ecab/domain';
import { recordFundsReceivedRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const recordFundsReceivedEndpoint = defineEndpoint({
  name: recordFundsReceivedUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Record funds the financier released under the agreement (IATI 1 Incoming Funds)',
  description: 'Only once the agreement is effective, and never beyond the net commitment in that currency.',
  creates: true,
  ...recordFundsReceivedRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordFundsReceivedUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: {
      id: 'FR-2025-07',
      amount: '5000000.00',
      currency: 'USD',
      valueDate: '2025-07-01',
      source: { citation: 'ADB LFIS disbursement statement, Jul 2025 (example)', confidence: 'illustrative' },
    },
  }),
});
