import { z } from 'zod';
import { decimalAmount, organisationReference } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const expenditureRecordedV1 = z
  .object({
    ...agreementTransaction(decimalAmount),
    receiver: organisationReference.optional().describe('The organisation paid for goods or services'),
  })
  .loose();

export type ExpenditureRecordedDataV1 = z.infer<typeof expenditureRecordedV1>;
