import { identifier, occurredOn, projectId } from '../values.js';

/** What every milestone event carries: which milestone of which project, effective when. */
export const milestoneFact = {
  projectId,
  milestoneId: identifier.describe('Unique within the project'),
  effectiveDate: occurredOn,
} as const;
