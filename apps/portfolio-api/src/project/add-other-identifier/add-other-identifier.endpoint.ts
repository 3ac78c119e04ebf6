import { addOtherIdentifierUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, organisationReferenceField, pathIds, requiredText, text } from '@ecab/contracts/commands';

export const addOtherIdentifierEndpoint = defineEndpoint({
  name: addOtherIdentifierUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/other-identifiers',
  tag: 'Projects',
  summary: 'Add another identifier (ADB project, loan, grant or TA number…)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      ref: requiredText(100),
      identifierType: codeField,
      kind: text(50).optional(),
      owner: organisationReferenceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body }) => ({ type: addOtherIdentifierUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: { ref: '54439-001', identifierType: 'A1', kind: 'adb-project', owner: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' } },
  }),
});
