import { planMilestoneUseCase } from '@ecab/domain';
import { planMilestoneRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const planMilestoneEndpoint = defineEndpoint({
  name: planMilestoneUseCase.commandType,
  aggregate: 'milestones',
  method: 'post',
  tag: 'Milestones',
  summary: 'Plan a milestone (fs-approved, board-approval, signing, effectiveness, contract-award, commissioning, or other with a title) on its baseline date',
  creates: true,
  ...planMilestoneRequest,
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: planMilestoneUseCase.commandType,
    data: { projectId: params.projectId, milestoneId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: { id: 'SIGNING', category: 'signing', baselineDate: '2026-06-30', effectiveDate: '2025-12-01' },
  }),
});
