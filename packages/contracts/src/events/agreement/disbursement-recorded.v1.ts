import { z } from 'zod';
import { decimalAmount, organisationReference } from '../values.js';
import { agreementTransaction } from './agreement-fact.js';

export const agreementDisbursementRecordedV1 = z
  .object({
    ...agreementTransaction(decimalAmount),
    receiver: organisationReference.optional().describe('The organisation the funds were paid to'),
  })
  .loose();

export type AgreementDisbursementRecordedDataV1 = z.infer<typeof agreementDisbursementRecordedV1>;
