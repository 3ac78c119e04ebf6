import { raiseIssueUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, idField, requiredText, reviewParams } from '@ecab/contracts/commands';

export const raiseIssueEndpoint = defineEndpoint({
  name: raiseIssueUseCase.commandType,
  aggregate: 'performance-review',
  method: 'post',
  path: 'projects/:projectId/performance-reviews/:period/issues',
  tag: 'Performance',
  summary: 'Raise an issue in a quarter’s review, optionally against a dimension',
  creates: true,
  params: reviewParams,
  body: z
    .object({
      /** Optional: the issue's id within the review (e.g. I-1); a UUID is assigned when absent. */
      id: idField.optional(),
      description: requiredText(2000),
      dimension: codeField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: raiseIssueUseCase.commandType,
    data: { projectId: params.projectId, period: params.period, issueId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.issueId,
  example: ({ projectId }) => ({
    params: { projectId, period: '2026-Q3' },
    body: { id: 'I-1', description: 'Counterpart funds released late (example)', dimension: 'financial_management', effectiveDate: '2026-10-05' },
  }),
});
