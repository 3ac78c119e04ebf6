import { z } from 'zod';
import { kpiValue } from './programme-fact.js';

export const programmeKpiObservedV1 = z.object({ ...kpiValue }).loose();

export type ProgrammeKpiObservedDataV1 = z.infer<typeof programmeKpiObservedV1>;
