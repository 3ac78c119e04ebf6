import { z } from 'zod';
import { identifier } from '../values.js';
import { projectFact } from './project-fact.js';

export const locationAddedV1 = z
  .object({
    ...projectFact,
    locationId: identifier.describe('Unique within the project'),
    name: z.string().min(1).describe("e.g. the border checkpoint's or the akimat's name"),
    point: z
      .object({
        latitude: z.number().min(-90).max(90).describe('WGS 84 latitude, degrees'),
        longitude: z.number().min(-180).max(180).describe('WGS 84 longitude, degrees'),
      })
      .loose()
      .optional(),
    description: z.string().min(1).optional(),
  })
  .loose();

export type LocationAddedDataV1 = z.infer<typeof locationAddedV1>;
