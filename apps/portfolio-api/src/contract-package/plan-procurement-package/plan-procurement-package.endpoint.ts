import { planProcurementPackageUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, dateField, effectiveDateField, idField, pathIds, requiredText, sourceField } from '@ecab/contracts/commands';
import { moneyField } from '../money-fields.js';

export const planProcurementPackageEndpoint = defineEndpoint({
  name: planProcurementPackageUseCase.commandType,
  aggregate: 'contract-package',
  method: 'post',
  path: 'projects/:projectId/contract-packages',
  tag: 'Procurement',
  summary: 'Plan a procurement package (method ICB, NCB, QCBS, QBS, CQS, ICS, shopping or direct) with its estimate',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the package's id (e.g. TR-02-CW-01); a UUID is assigned when absent. */
      id: idField.optional(),
      title: requiredText(500),
      method: codeField,
      estimatedValue: moneyField,
      plannedAwardDate: dateField,
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: planProcurementPackageUseCase.commandType,
    data: { contractId: id ?? newId(), projectId: params.projectId, ...rest },
  }),
  resourceId: (command) => command.data.contractId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: {
      id: `CP-${projectId}`,
      title: 'Kordai border crossing point civil works (example)',
      method: 'ICB',
      estimatedValue: { amount: '12000000.00', currency: 'USD' },
      plannedAwardDate: '2025-03-31',
      effectiveDate: '2024-10-01',
    },
  }),
});
