import { registerRiskUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, idField, requiredText, reviewParams } from '@ecab/contracts/commands';

export const registerRiskEndpoint = defineEndpoint({
  name: registerRiskUseCase.commandType,
  aggregate: 'performance-review',
  method: 'post',
  path: 'projects/:projectId/performance-reviews/:period/risks',
  tag: 'Performance',
  summary: 'Register a risk in a quarter’s review: likelihood and impact (low, medium, high) and its mitigation',
  creates: true,
  params: reviewParams,
  body: z
    .object({
      /** Optional: the risk's id within the review (e.g. R-1); a UUID is assigned when absent. */
      id: idField.optional(),
      description: requiredText(2000),
      likelihood: codeField,
      impact: codeField,
      mitigation: requiredText(2000),
      dimension: codeField.optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: registerRiskUseCase.commandType,
    data: { projectId: params.projectId, period: params.period, riskId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.riskId,
  example: ({ projectId }) => ({
    params: { projectId, period: '2026-Q3' },
    body: {
      id: 'R-1',
      description: 'Border works delay traffic (example)',
      likelihood: 'medium',
      impact: 'high',
      mitigation: 'Phase the works lane by lane',
      dimension: 'outputs',
    },
  }),
});
