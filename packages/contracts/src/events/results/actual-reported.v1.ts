import { z } from 'zod';
import { datePeriod, measuredValue, source } from '../values.js';
import { indicatorFact } from './results-fact.js';

export const actualReportedV1 = z
  .object({
    ...indicatorFact,
    period: datePeriod.describe('The period the value was measured over'),
    value: measuredValue,
    source: source.optional(),
  })
  .loose();

export type ActualReportedDataV1 = z.infer<typeof actualReportedV1>;
