import { achieveMilestoneUseCase } from '@ecab/domain';
import { achieveMilestoneRequest } from '@ecab/contracts/commands';
import { defineEndpoint } from '../../commands/command-endpoint.js';

export const achieveMilestoneEndpoint = defineEndpoint({
  name: achieveMilestoneUseCase.commandType,
  aggregate: 'milestones',
  method: 'post',
  tag: 'Milestones',
  summary: 'Record that an open milestone was achieved, on its actual date',
  creates: false,
  ...achieveMilestoneRequest,
  toCommand: ({ params, body }) => ({
    type: achieveMilestoneUseCase.commandType,
    data: { projectId: params.projectId, milestoneId: params.milestoneId, ...body },
  }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId, milestoneId: 'SIGNING' },
    body: { actualDate: '2026-09-10', source: { citation: 'Loan agreement signing press release (example)', date: '2026-09-11', confidence: 'illustrative' } },
  }),
});
