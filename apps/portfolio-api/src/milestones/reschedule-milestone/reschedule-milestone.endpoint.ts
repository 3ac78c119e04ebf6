import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { dateField, effectiveDateField, pathIds, requiredText } from '../../commands/fields.js';

export const rescheduleMilestoneEndpoint = defineEndpoint({
  name: 'RescheduleMilestone',
  aggregate: 'milestones',
  method: 'post',
  path: 'projects/:projectId/milestones/:milestoneId/reschedule',
  tag: 'Milestones',
  summary: 'Move the forecast date of an open milestone, with the reason (the baseline stays, slippage is measured against it)',
  creates: false,
  params: pathIds('projectId', 'milestoneId'),
  body: z.object({ newDate: dateField, reason: requiredText(1000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: 'RescheduleMilestone', data: { projectId: params.projectId, milestoneId: params.milestoneId, ...body } }),
  resourceId: (command) => command.data.milestoneId,
  example: ({ projectId }) => ({
    params: { projectId, milestoneId: 'SIGNING' },
    body: { newDate: '2026-09-15', reason: 'Negotiations extended (example)', effectiveDate: '2026-05-20' },
  }),
});
