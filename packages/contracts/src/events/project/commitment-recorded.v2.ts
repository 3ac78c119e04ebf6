import { z } from 'zod';
import { identifier } from '../values.js';
import { commitmentRecordedV1, type CommitmentRecordedDataV1 } from './commitment-recorded.v1.js';

/**
 * v2 names the financing agreement the commitment counts under, so that a reader counts it exactly like
 * an `ecab.agreement.commitment-recorded` (IATI 11). No longer written: the project-level shorthand now
 * records on the agreement; stored v1 messages reach readers as v2.
 */
export const commitmentRecordedV2 = commitmentRecordedV1.extend({
  agreementId: identifier.describe("The project's shorthand financing agreement with the financier: <projectId>~<financier>"),
  transactionId: identifier.describe('The transaction id under that agreement: the commitmentId'),
});

export type CommitmentRecordedDataV2 = z.infer<typeof commitmentRecordedV2>;

export const upcastCommitmentRecordedV1 = (v1: CommitmentRecordedDataV1): CommitmentRecordedDataV2 => ({
  ...v1,
  agreementId: `${v1.projectId}~${v1.financier}`,
  transactionId: v1.commitmentId,
});
