import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, dateField, effectiveDateField, idField, pathIds, sourceField, text } from '../../commands/fields.js';

export const planMilestoneEndpoint = defineEndpoint({
  name: 'PlanMilestone',
  aggregate: 'milestones',
  method: 'post',
  path: 'projects/:projectId/milestones',
  tag: 'Milestones',
  summary: 'Plan a milestone (fs-approved, board-approval, signing, effectiveness, contract-award, commissioning, or other with a title) on its baseline date',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the milestone's id within the project (e.g. SIGNING); a UUID is assigned when absent. */
      id: idField.optional(),
      category: codeField,
      title: text(500).optional(),
      baselineDate: dateField,
      source: sourceField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: 'PlanMilestone',
    data: { projectId: params.projectId, milestoneId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: { id: 'SIGNING', category: 'signing', baselineDate: '2026-06-30', effectiveDate: '2025-12-01' },
  }),
});
