import { rescheduleMilestoneUseCase } from '@ecab/domain';
import { rescheduleMilestoneRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const rescheduleMilestoneEndpoint = defineEndpoint({
  name: rescheduleMilestoneUseCase.commandType,
  aggregate: 'milestones',
  method: 'post',
  tag: 'Milestones',
  summary: 'Move the forecast date of an open milestone, with the reason (the baseline stays, slippage is measured against it)',
  creates: false,
  ...rescheduleMilestoneRequest,
  toCommand: ({ params, body }) => ({
    type: rescheduleMilestoneUseCase.commandType,
    data: { projectId: params.projectId, milestoneId: params.milestoneId, ...body },
  }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId, milestoneId: 'SIGNING' },
    body: { newDate: '2026-09-15', reason: 'Negotiations extended (example)', effectiveDate: '2026-05-20' },
  }),
});
