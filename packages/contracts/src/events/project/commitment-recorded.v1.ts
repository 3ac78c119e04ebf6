import { z } from 'zod';
import { currencyCode, decimalAmount, effectiveDate, identifier, isoDate, projectId } from '../values.js';

export const commitmentRecordedV1 = z
  .object({
    projectId,
    commitmentId: identifier.describe('Unique within the project'),
    amount: decimalAmount,
    currency: currencyCode,
    valueDate: isoDate.describe('The value date of the commitment (YYYY-MM-DD)'),
    financier: identifier.describe('The organisation that commits the funds'),
    effectiveDate,
  })
  .loose();

export type CommitmentRecordedDataV1 = z.infer<typeof commitmentRecordedV1>;
