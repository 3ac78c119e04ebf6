import { addLocationUseCase } from '@ecab/domain';
import { z } from 'zod';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { effectiveDateField, idField, pathIds, requiredText, text } from '@ecab/contracts/commands';

export const addLocationEndpoint = defineEndpoint({
  name: addLocationUseCase.commandType,
  aggregate: 'project',
  method: 'post',
  path: 'projects/:projectId/locations',
  tag: 'Projects',
  summary: 'Add a location (a checkpoint, a road section, a city)',
  creates: true,
  params: pathIds('projectId'),
  body: z
    .object({
      id: idField.optional(),
      name: requiredText(500),
      point: z
        .object({
          latitude: z.number({ error: 'must be a number' }).finite().min(-90, 'must be at least -90').max(90, 'must be at most 90'),
          longitude: z.number({ error: 'must be a number' }).finite().min(-180, 'must be at least -180').max(180, 'must be at most 180'),
        })
        .strict()
        .optional(),
      description: text(2000).optional(),
      effectiveDate: effectiveDateField,
    })
    .strict(),
  toCommand: ({ params, body: { id, ...rest }, newId }) => ({
    type: addLocationUseCase.commandType,
    data: { projectId: params.projectId, locationId: id ?? newId(), ...rest },
  }),
  resourceId: (command) => command.data.locationId,
  example: ({ projectId }) => ({
    params: { projectId },
    body: { id: 'KORDAI', name: 'Kordai–Ak-Jol border checkpoint', point: { latitude: 43.0415, longitude: 74.7181 } },
  }),
});
