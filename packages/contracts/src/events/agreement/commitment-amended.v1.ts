import { z } from 'zod';
import { signedDecimalAmount } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const commitmentAmendedV1 = z
  .object({
    ...agreementTransaction(signedDecimalAmount.describe('The change to the commitment: negative for a decrease, e.g. -500000.00')),
    reason: z.string().min(1),
  })
  .loose();

export type CommitmentAmendedDataV1 = z.infer<typeof commitmentAmendedV1>;
