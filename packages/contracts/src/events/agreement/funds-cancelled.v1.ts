import { z } from 'zod';
import { decimalAmount } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const fundsCancelledV1 = z
  .object({
    ...agreementTransaction(decimalAmount.describe('The cancelled amount, positive; it reduces the commitment')),
    reason: z.string().min(1),
  })
  .loose();

export type FundsCancelledDataV1 = z.infer<typeof fundsCancelledV1>;
