import { dropMilestoneUseCase, planMilestoneUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, pathIds, requiredText } from '@ecab/contracts/commands';

export const dropMilestoneEndpoint = defineEndpoint({
  name: dropMilestoneUseCase.commandType,
  aggregate: 'milestones',
  method: 'post',
  path: 'projects/:projectId/milestones/:milestoneId/drop',
  tag: 'Milestones',
  summary: 'Drop an open milestone that will not happen, with the reason',
  creates: false,
  params: pathIds('projectId', 'milestoneId'),
  body: z.object({ reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({
    type: dropMilestoneUseCase.commandType,
    data: { projectId: params.projectId, milestoneId: params.milestoneId, ...body },
  }),
  resourceId: (command) => command.data.milestoneId,
  /** An achieved milestone cannot be dropped: the example drops a second milestone of the project. */
  example: ({ projectId }) => ({ params: { projectId, milestoneId: 'PPP-TENDER' }, body: { reason: 'Replaced by the public works route (example)' } }),
  examplePrelude: ({ projectId }) => [
    {
      name: planMilestoneUseCase.commandType,
      params: { projectId },
      body: { id: 'PPP-TENDER', category: 'other', title: 'PPP concession tender launched (example)', baselineDate: '2027-03-31' },
    },
  ],
});
