import { z } from 'zod';
import { kpiValue } from './programme-fact.js';

export const programmeTargetSetV1 = z.object({ ...kpiValue }).loose();

export type ProgrammeTargetSetDataV1 = z.infer<typeof programmeTargetSetV1>;
