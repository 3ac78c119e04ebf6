import { reverseTransactionUseCase } from '@ecab/domain';
import { reverseTransactionRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { EXAMPLE_REVERSED_TRANSACTION_ID, exampleAgreementId } from '../agreement-fields.js';

export const reverseTransactionEndpoint = defineEndpoint({
  name: reverseTransactionUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Reverse a recorded transaction in full, with a reason code and a source',
  description:
    'A mistake is corrected by a reversal (and, if needed, a new record), never an edit. Reason codes: SOURCE_CORRECTION, DATA_ENTRY_ERROR, DUPLICATE_ENTRY. ' +
    'A reversal may not leave the net commitment below what has been disbursed.',
  creates: false,
  ...reverseTransactionRequest,
  toCommand: ({ params, body }) => ({
    type: reverseTransactionUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: params.transactionId, ...body },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId), transactionId: EXAMPLE_REVERSED_TRANSACTION_ID },
    body: {
      reasonCode: 'DUPLICATE_ENTRY',
      source: { citation: 'Project accounts reconciliation, Nov 2025 (example)', date: '2025-11-05', confidence: 'illustrative' },
      note: 'The audit invoice was already paid from the disbursement of 15 August',
      effectiveDate: '2025-11-10',
    },
  }),
});
