import { recordAgreementDisbursementUseCase } from '@ecab/domain';
import { recordAgreementDisbursementRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { exampleAgreementId } from '../agreement-fields.js';

export const recordAgreementDisbursementEndpoint = defineEndpoint({
  name: recordAgreementDisbursementUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  tag: 'Financing',
  summary: 'Record a payment on to a contractor or implementer (IATI 3 Disbursement)',
  description: 'Only once the agreement is effective; payments (disbursements and expenditures) never exceed the net commitment.',
  creates: true,
  ...recordAgreementDisbursementRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: recordAgreementDisbursementUseCase.commandType,
    data: { agreementId: params.agreementId, transactionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.transactionId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: { amount: '2000000.00', currency: 'USD', valueDate: '2025-08-15', receiver: { name: 'Kordai Road Contractor LLC (example)' } },
  }),
});
