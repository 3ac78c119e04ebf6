import { registerProgrammeUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { clusterField, effectiveDateField, idField, localizedNamesField, text } from '@ecab/contracts/commands';

export const registerProgrammeEndpoint = defineEndpoint({
  name: registerProgrammeUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes',
  tag: 'Programme',
  summary: 'Register the programme with its names, aliases and clusters',
  creates: true,
  params: z.object({}).strict(),
  body: z
    .object({
      /** The programme's id, e.g. ECAB. */
      programmeId: idField,
      names: localizedNamesField,
      /** Other names it is searched by, e.g. ABEC, ABCI. */
      aliases: z.array(text(100), { error: 'must be a list of texts' }).max(20, 'must list at most 20 aliases').optional(),
      clusters: z.array(clusterField, { error: 'must be a list of clusters' }).max(20, 'must list at most 20 clusters'),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ body }) => ({ type: registerProgrammeUseCase.commandType, data: body }),
  example: ({ unique }) => ({
    params: {},
    body: {
      programmeId: `ECAB-${unique}`,
      names: { en: 'Economic Corridor Almaty–Bishkek (example)', ru: 'Экономический коридор Алматы–Бишкек (пример)' },
      aliases: ['ABEC', 'ABCI'],
      clusters: ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'],
      effectiveDate: '2014-11-06',
    },
  }),
});
