import { linkRelatedActivityUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { codeField, effectiveDateField, pathIds, requiredText, text } from '@ecab/contracts/commands';

export const linkRelatedActivityEndpoint = defineEndpoint({
  name: linkRelatedActivityUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/related-activities',
  tag: 'Projects',
  summary: 'Link a parent, child or sibling activity (e.g. one child per border checkpoint)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({ relatedActivityId: requiredText(200), relationType: codeField, checkpoint: text(200).optional(), effectiveDate: effectiveDateField })
    .strict(),
  toCommand: ({ params, body }) => ({ type: linkRelatedActivityUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  resourceId: (command) => command.data.relatedActivityId,
  example: ({ projectId }) => ({ params: { projectId }, body: { relatedActivityId: `${projectId}-KORDAI`, relationType: '2', checkpoint: 'Kordai' } }),
});
