import { amendCommitmentEndpoint } from './amend-commitment/amend-commitment.endpoint.js';
import { cancelFundsEndpoint } from './cancel-funds/cancel-funds.endpoint.js';
import { declareAgreementEffectiveEndpoint } from './declare-agreement-effective/declare-agreement-effective.endpoint.js';
import { extendClosingDateEndpoint } from './extend-closing-date/extend-closing-date.endpoint.js';
import { recordAgreementCommitmentEndpoint } from './record-agreement-commitment/record-agreement-commitment.endpoint.js';
import { recordAgreementDisbursementEndpoint } from './record-agreement-disbursement/record-agreement-disbursement.endpoint.js';
import { recordExpenditureEndpoint } from './record-expenditure/record-expenditure.endpoint.js';
import { recordFundsReceivedEndpoint } from './record-funds-received/record-funds-received.endpoint.js';
import { reverseTransactionEndpoint } from './reverse-transaction/reverse-transaction.endpoint.js';
import { schedulePlannedDisbursementEndpoint } from './schedule-planned-disbursement/schedule-planned-disbursement.endpoint.js';
import { signAgreementEndpoint } from './sign-agreement/sign-agreement.endpoint.js';

/**
 * The financing agreement use cases, one folder each; this table is their table of contents, in the
 * order an agreement lives them (the examples run in this order end to end, on one agreement of the
 * example project): signed, effective, committed and amended, then money forecast, received and paid
 * on, and a mistaken payment reversed.
 */
export const agreementEndpoints = [
  signAgreementEndpoint,
  declareAgreementEffectiveEndpoint,
  recordAgreementCommitmentEndpoint,
  amendCommitmentEndpoint,
  cancelFundsEndpoint,
  extendClosingDateEndpoint,
  schedulePlannedDisbursementEndpoint,
  recordFundsReceivedEndpoint,
  recordAgreementDisbursementEndpoint,
  recordExpenditureEndpoint,
  reverseTransactionEndpoint,
];
