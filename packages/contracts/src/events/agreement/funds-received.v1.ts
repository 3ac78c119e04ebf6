import { z } from 'zod';
import { decimalAmount } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const fundsReceivedV1 = z
  .object({
    ...agreementTransaction(decimalAmount),
  })
  .loose();

export type FundsReceivedDataV1 = z.infer<typeof fundsReceivedV1>;
