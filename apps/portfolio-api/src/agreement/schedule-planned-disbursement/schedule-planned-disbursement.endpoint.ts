import { schedulePlannedDisbursementUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { amountField, currencyField, effectiveDateField, idField, pathIds, periodField } from '@ecab/contracts/commands';
import { exampleAgreementId } from '../agreement-fields.js';

export const schedulePlannedDisbursementEndpoint = defineEndpoint({
  name: schedulePlannedDisbursementUseCase.commandType,
  aggregate: 'agreement',
  method: 'post',
  path: 'agreements/:agreementId/planned-disbursements',
  tag: 'Financing',
  summary: 'Forecast a disbursement for a period of at most one year (IATI planned-disbursement)',
  creates: true,
  params: pathIds('agreementId'),
  body: z
    .object({
      /** Optional: the planned disbursement's id (e.g. PD-2027); a UUID is assigned when absent. */
      id: idField.optional(),
      period: periodField,
      amount: amountField,
      currency: currencyField,
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: schedulePlannedDisbursementUseCase.commandType,
    data: { agreementId: params.agreementId, plannedDisbursementId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.plannedDisbursementId,
  example: ({ projectId }) => ({
    params: { agreementId: exampleAgreementId(projectId) },
    body: { id: 'PD-2027', period: { start: '2027-01-01', end: '2027-12-31' }, amount: '6000000.00', currency: 'USD' },
  }),
});
