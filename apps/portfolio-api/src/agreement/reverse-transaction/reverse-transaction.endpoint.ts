import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, pathIds, sourceField, text } from '../../commands/fields.js';
import { EXAMPLE_REVERSED_TRANSACTION_ID, exampleAgreementId } from '../agreement-fields.js';

export const reverseTransactionEndpoint = defineEndpoint({
  name: 'ReverseTransaction',
  aggregate: 'agreement',
  method: 'post',
  path: 'agreements/:agreementId/transactions/:transactionId/reversal',
  tag: 'Financing',
  summary: 'Reverse a recorded transaction in full, with a reason code and a source',
  description:
    'A mistake is corrected by a reversal (and, if needed, a new record), never an edit. Reason codes: SOURCE_CORRECTION, DATA_ENTRY_ERROR, DUPLICATE_ENTRY. ' +
    'A reversal may not leave the net commitment below what has been disbursed.',
  creates: false,
  params: pathIds('agreementId', 'transactionId'),
  body: z.object({ reasonCode: codeField, source: sourceField, note: text(1000).optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: 'ReverseTransaction', data: { agreementId: params.agreementId, transactionId: params.transactionId, ...body } }),
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
