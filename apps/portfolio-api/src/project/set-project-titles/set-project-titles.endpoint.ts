import { setProjectTitlesUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, localizedNamesField, pathIds } from '@ecab/contracts/commands';

export const setProjectTitlesEndpoint = defineEndpoint({
  name: setProjectTitlesUseCase.commandType,
  aggregate: 'project',
  method: 'put',
  path: 'projects/:projectId/titles',
  tag: 'Projects',
  summary: 'Set the titles in English, Russian, Kazakh and Kyrgyz',
  creates: false,
  params: pathIds('projectId'),
  body: z.object({ titles: localizedNamesField, effectiveDate: effectiveDateField }).strict(),
  toCommand: ({ params, body }) => ({ type: setProjectTitlesUseCase.commandType, data: { projectId: params.projectId, ...body } }),
  example: ({ projectId }) => ({
    params: { projectId },
    body: { titles: { en: 'Almaty–Issyk-Kul alternative road', ru: 'Альтернативная дорога Алматы – Иссык-Куль' } },
  }),
});
