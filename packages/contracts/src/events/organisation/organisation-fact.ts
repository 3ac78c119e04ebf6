import { identifier, occurredOn } from '../values.js';

/** What every organisation event carries: which organisation of the reference list, effective when. */
export const organisationFact = {
  organisationId: identifier.describe('The organisation id, e.g. XM-DAC-46004; also the ce_subject and the Kafka message key'),
  effectiveDate: occurredOn,
} as const;
