import { resolveIssueUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, idField, requiredText, reviewParams } from '@ecab/contracts/commands';

export const resolveIssueEndpoint = defineEndpoint({
  name: resolveIssueUseCase.commandType,
  aggregate: 'performance-review',
  method: 'post',
  path: 'projects/:projectId/performance-reviews/:period/issues/:issueId/resolution',
  tag: 'Performance',
  summary: 'Resolve a raised issue, with the resolution (not dated before it was raised)',
  creates: false,
  params: reviewParams.extend({ issueId: idField }).strict(),
  body: z.object({ resolution: requiredText(2000), effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({
    type: resolveIssueUseCase.commandType,
    data: { projectId: params.projectId, period: params.period, issueId: params.issueId, ...body },
  }),
  resourceId: (command) => command.data.issueId,
  example: ({ projectId }) => ({
    params: { projectId, period: '2026-Q3', issueId: 'I-1' },
    body: { resolution: 'Budget released by the Ministry of Finance (example)', effectiveDate: '2026-11-02' },
  }),
});
