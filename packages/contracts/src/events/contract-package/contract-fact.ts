import { identifier, occurredOn, projectId } from '../values.js';

/** What every contract-package event carries: which procurement package or contract, of which project, effective when. */
export const contractFact = {
  contractId: identifier.describe('The procurement package, and the contract awarded for it'),
  projectId,
  effectiveDate: occurredOn,
} as const;
