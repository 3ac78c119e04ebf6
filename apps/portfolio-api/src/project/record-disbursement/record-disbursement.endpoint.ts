import { shorthandAgreementId, recordDisbursementUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, currencyField, dateField, organisationIdField, pathIds } from '@ecab/contracts/commands';

export const recordDisbursementEndpoint = defineEndpoint({
  name: recordDisbursementUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  path: 'projects/:projectId/disbursements',
  tag: 'Financing',
  summary: "Record money a financier released to the project, on the project's agreement with that financier (never beyond what is committed)",
  description:
    'A shorthand for POST /agreements/{agreementId}/funds-received (IATI 1, disbursement = money released): the same choice of agreement as ' +
    'POST /projects/{projectId}/commitments, then the agreement’s rules — never more than the net commitment in that currency ' +
    '(FUNDS_RECEIVED_EXCEED_COMMITMENT), and on a signed agreement only once it is effective. An agreement the shorthand opened is effective from its opening.',
  creates: true,
  params: pathIds('projectId'),
  body: z.object({ amount: amountField, currency: currencyField, date: dateField, financier: organisationIdField }).strict(),
  toCommand: ({ params, body, newId }) => ({
    type: recordDisbursementUseCase.commandType,
    data: { agreementId: shorthandAgreementId(params.projectId, body.financier), projectId: params.projectId, disbursementId: newId(), ...body },
  }),
  resourceId: (command) => command.data.disbursementId,
  example: ({ projectId }) => ({ params: { projectId }, body: { amount: '250000.00', currency: 'USD', date: '2024-09-15', financier: 'XM-DAC-46004' } }),
});
