import { assignDecisionActionUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, effectiveDateField, idField, organisationReferenceField, pathIds, requiredText } from '@ecab/contracts/commands';

export const assignDecisionActionEndpoint = defineEndpoint({
  name: assignDecisionActionUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes/:programmeId/decisions/:decisionId/actions',
  tag: 'Programme',
  summary: 'Assign a follow-up action on a governance decision to an owner, with a due date',
  description: 'Assigned on the effective date (default today) and due no earlier. Action ids are unique within the programme.',
  creates: true,
  params: pathIds('programmeId', 'decisionId'),
  body: z
    .object({
      /** Optional: the action's id (e.g. IGC12-A1); a UUID is assigned when absent. */
      id: idField.optional(),
      description: requiredText(2000),
      owner: organisationReferenceField,
      dueDate: dateField,
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: assignDecisionActionUseCase.commandType,
    data: { programmeId: params.programmeId, decisionId: params.decisionId, actionId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.actionId,
  example: ({ unique }) => ({
    params: { programmeId: `ECAB-${unique}`, decisionId: 'IGC12-D1' },
    body: {
      id: 'IGC12-A1',
      description: 'Publish the joint checkpoint schedule',
      owner: { name: 'Ministry of National Economy of Kazakhstan' },
      dueDate: '2025-06-30',
      effectiveDate: '2024-12-10',
    },
  }),
});
