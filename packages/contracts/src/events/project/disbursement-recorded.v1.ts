import { z } from 'zod';
import { currencyCode, decimalAmount, effectiveDate, identifier, isoDate, projectId } from '../values.js';

export const disbursementRecordedV1 = z
  .object({
    projectId,
    disbursementId: identifier.describe('Unique within the project'),
    amount: decimalAmount,
    currency: currencyCode,
    valueDate: isoDate.describe('The value date of the disbursement (YYYY-MM-DD)'),
    financier: identifier.describe('The organisation whose funds are disbursed'),
    effectiveDate,
  })
  .loose();

export type DisbursementRecordedDataV1 = z.infer<typeof disbursementRecordedV1>;
