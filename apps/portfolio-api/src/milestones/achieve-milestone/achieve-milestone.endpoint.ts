import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, pathIds, sourceField } from '../../commands/fields.js';

export const achieveMilestoneEndpoint = defineEndpoint({
  name: 'AchieveMilestone',
  aggregate: 'milestones',
  method: 'post',
  path: 'projects/:projectId/milestones/:milestoneId/achievement',
  tag: 'Milestones',
  summary: 'Record that an open milestone was achieved, on its actual date',
  creates: false,
  params: pathIds('projectId', 'milestoneId'),
  body: z.object({ actualDate: dateField, source: sourceField.optional() }).strict(),
  toCommand: ({ params, body }) => ({ type: 'AchieveMilestone', data: { projectId: params.projectId, milestoneId: params.milestoneId, ...body } }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId, milestoneId: 'SIGNING' },
    body: { actualDate: '2026-09-10', source: { citation: 'Loan agreement signing press release (example)', date: '2026-09-11', confidence: 'illustrative' } },
  }),
});
