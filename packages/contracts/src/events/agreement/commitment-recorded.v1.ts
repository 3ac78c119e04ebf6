import { z } from 'zod';
import { decimalAmount } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const agreementCommitmentRecordedV1 = z
  .object({
    ...agreementTransaction(decimalAmount),
  })
  .loose();

export type AgreementCommitmentRecordedDataV1 = z.infer<typeof agreementCommitmentRecordedV1>;
