import { z } from 'zod';
import { currencyCode, identifier, signedDecimalAmount, source } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const transactionReversedV1 = z
  .object({
    ...agreementFact,
    transactionId: identifier.describe('The transaction reversed, in full'),
    reversedEventType: z
      .enum(['AgreementCommitmentRecorded', 'CommitmentAmended', 'FundsCancelled', 'FundsReceived', 'AgreementDisbursementRecorded', 'ExpenditureRecorded'])
      .describe(
        'The stored type of the reversed event: AgreementCommitmentRecorded is ecab.agreement.commitment-recorded, CommitmentAmended commitment-amended, FundsCancelled funds-cancelled, FundsReceived funds-received, AgreementDisbursementRecorded disbursement-recorded, ExpenditureRecorded expenditure-recorded',
      ),
    amount: signedDecimalAmount.describe('The reversed amount as it was recorded (negative for a decreasing amendment)'),
    currency: currencyCode,
    reasonCode: z.enum(['SOURCE_CORRECTION', 'DATA_ENTRY_ERROR', 'DUPLICATE_ENTRY']).describe('Why it was reversed; more reasons may be added'),
    source: source.describe('The evidence for the reversal'),
    note: z.string().min(1).optional(),
  })
  .loose();

export type TransactionReversedDataV1 = z.infer<typeof transactionReversedV1>;
