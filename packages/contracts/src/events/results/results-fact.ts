import { identifier, occurredOn, projectId } from '../values.js';

/** What every results-framework event carries: whose framework, effective when. */
export const resultsFact = { projectId, effectiveDate: occurredOn } as const;

/** An event about one indicator of the framework. */
export const indicatorFact = { ...resultsFact, indicatorId: identifier.describe('Unique within the project') } as const;
