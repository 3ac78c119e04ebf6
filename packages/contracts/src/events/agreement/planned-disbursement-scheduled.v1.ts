import { z } from 'zod';
import { currencyCode, datePeriod, decimalAmount, identifier } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const plannedDisbursementScheduledV1 = z
  .object({
    ...agreementFact,
    plannedDisbursementId: identifier.describe('Unique within the agreement'),
    period: datePeriod.describe('The period the disbursement is planned for, at most one year'),
    amount: decimalAmount,
    currency: currencyCode,
  })
  .loose();

export type PlannedDisbursementScheduledDataV1 = z.infer<typeof plannedDisbursementScheduledV1>;
