import { z } from 'zod';
import { coded, identifier } from '../values.js';
import { resultsFact } from './results-fact.js';

export const indicatorDefinedV1 = z
  .object({
    ...resultsFact,
    resultId: identifier.describe('The result the indicator measures'),
    indicatorId: identifier.describe('Unique within the project'),
    title: z.string().min(1),
    measure: coded('IndicatorMeasure').describe('1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative (values are text)'),
    ascending: z.boolean().describe('True when a higher value is better'),
    unit: z.string().min(1).optional().describe('The unit of the values, e.g. km'),
  })
  .loose();

export type IndicatorDefinedDataV1 = z.infer<typeof indicatorDefinedV1>;
