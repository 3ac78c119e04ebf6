import { z } from 'zod';
import { identifier } from '../values.js';
import { disbursementRecordedV1, type DisbursementRecordedDataV1 } from './disbursement-recorded.v1.js';

/**
 * v2 names the financing agreement the disbursement counts under: a reader counts it exactly like an
 * `ecab.agreement.funds-received` (IATI 1, money released). No longer written; stored v1 messages reach
 * readers as v2.
 */
export const disbursementRecordedV2 = disbursementRecordedV1.extend({
  agreementId: identifier.describe("The project's shorthand financing agreement with the financier: <projectId>~<financier>"),
  transactionId: identifier.describe('The transaction id under that agreement: the disbursementId'),
});

export type DisbursementRecordedDataV2 = z.infer<typeof disbursementRecordedV2>;

export const upcastDisbursementRecordedV1 = (v1: DisbursementRecordedDataV1): DisbursementRecordedDataV2 => ({
  ...v1,
  agreementId: `${v1.projectId}~${v1.financier}`,
  transactionId: v1.disbursementId,
});
