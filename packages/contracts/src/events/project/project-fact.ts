import { occurredOn, projectId } from '../values.js';

/** What every project event after the first three carries: whose, and when it took effect. */
export const projectFact = { projectId, effectiveDate: occurredOn } as const;
