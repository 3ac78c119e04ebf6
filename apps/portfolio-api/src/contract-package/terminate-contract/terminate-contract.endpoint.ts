import { awardContractUseCase, planProcurementPackageUseCase, terminateContractUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint, type ExampleRequest } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, requiredText, sourceField } from '@ecab/contracts/commands';

export const terminateContractEndpoint = defineEndpoint({
  name: terminateContractUseCase.commandType,
  aggregate: 'contract-package',
  method: 'post',
  path: 'contract-packages/:contractId/termination',
  tag: 'Procurement',
  summary: 'Terminate an awarded contract, with the reason',
  creates: false,
  params: pathIds('contractId'),
  body: z.object({ reason: requiredText(1000), source: sourceField.optional(), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: terminateContractUseCase.commandType, data: { contractId: params.contractId, ...body } }),
  resourceId: (command) => command.data.contractId,
  /** A completed contract cannot be terminated: the example ends a second package of the project. */
  example: ({ projectId }) => ({ params: { contractId: `CP-${projectId}-2` }, body: { reason: 'Contractor default (example)', effectiveDate: '2026-06-15' } }),
  examplePrelude: ({ projectId }): ExampleRequest[] => [
    {
      name: planProcurementPackageUseCase.commandType,
      params: { projectId },
      body: {
        id: `CP-${projectId}-2`,
        title: 'Road safety consulting services (example)',
        method: 'QCBS',
        estimatedValue: { amount: '900000.00', currency: 'USD' },
        plannedAwardDate: '2025-05-31',
        effectiveDate: '2025-01-15',
      },
    },
    {
      name: awardContractUseCase.commandType,
      params: { contractId: `CP-${projectId}-2` },
      body: { contractor: { name: 'Example Consultants LLP' }, contractValue: { amount: '850000.00', currency: 'USD' }, awardDate: '2025-06-10' },
    },
  ],
});
