import { z } from 'zod';
import { datePeriod, measuredValue } from '../values.js';
import { indicatorFact } from './results-fact.js';

export const actualVerifiedV1 = z
  .object({
    ...indicatorFact,
    period: datePeriod.describe('The period the value was measured over'),
    value: measuredValue.describe('The verified value: a decimal string such as 1.6 or -0.25; free text when the indicator is qualitative'),
  })
  .loose();

export type ActualVerifiedDataV1 = z.infer<typeof actualVerifiedV1>;
