import { z } from 'zod';
import {
  amountField,
  codeField,
  currencyField,
  dateField,
  effectiveDateField,
  idField,
  organisationReferenceField,
  pathIds,
  requiredText,
  sourceField,
  text,
} from './fields.js';

/**
 * What every money movement under a financing agreement carries (IATI transaction): the client may
 * name the transaction (`id`, so that it can reverse it later without reading it back); otherwise a
 * UUID is assigned. The value date may not be in the future and the balances must still hold: the
 * domain checks both.
 */
export const transactionFields = {
  /** Optional: the transaction's id under this agreement (e.g. the financier's reference); a UUID when absent. */
  id: idField.optional(),
  amount: amountField,
  currency: currencyField,
  /** When the money moved (IATI value-date), YYYY-MM-DD, not in the future. */
  valueDate: dateField,
  source: sourceField.optional(),
};

/** SignAgreement: its route under /api/v1, path parameters and body. */
export const signAgreementRequest = {
  path: 'projects/:projectId/agreements',
  params: pathIds('projectId'),
  body: z
    .object({
      /** Optional: the agreement's id (e.g. ADB-G0900-KGZ); a UUID is assigned when absent. */
      id: idField.optional(),
      /** The financier's number, e.g. grant 0900-KGZ or loan 4321-KGZ. */
      agreementNumber: requiredText(100),
      financier: organisationReferenceField,
      /** grant, loan, ta, counterpart or ppp. */
      instrument: codeField,
      /** IATI FinanceType, e.g. 110 grant, 421 loan. */
      financeType: codeField,
      /** IATI FlowType, e.g. 10 ODA, 21 OOF. */
      flowType: codeField,
      /** IATI AidType, e.g. C01 project-type intervention, D02 technical assistance. */
      aidType: codeField,
      amount: amountField,
      currency: currencyField,
      signedDate: dateField,
      closingDate: dateField.optional(),
      /** The financier's IATI activity, e.g. XM-DAC-46004-54439-001. */
      providerActivityId: requiredText(200).optional(),
      source: sourceField.optional(),
    })
    .strict(),
};

/** DeclareAgreementEffective: its route under /api/v1, path parameters and body. */
export const declareAgreementEffectiveRequest = {
  path: 'agreements/:agreementId/effectiveness',
  params: pathIds('agreementId'),
  body: z.object({ effectivenessDate: dateField, source: sourceField.optional() }).strict(),
};

/** RecordAgreementCommitment: its route under /api/v1, path parameters and body. */
export const recordAgreementCommitmentRequest = {
  path: 'agreements/:agreementId/commitments',
  params: pathIds('agreementId'),
  body: z.object(transactionFields).strict(),
};

/** RecordFundsReceived: its route under /api/v1, path parameters and body. */
export const recordFundsReceivedRequest = {
  path: 'agreements/:agreementId/funds-received',
  params: pathIds('agreementId'),
  body: z.object(transactionFields).strict(),
};

/** RecordAgreementDisbursement: its route under /api/v1, path parameters and body. */
export const recordAgreementDisbursementRequest = {
  path: 'agreements/:agreementId/disbursements',
  params: pathIds('agreementId'),
  body: z.object({ ...transactionFields, receiver: organisationReferenceField.optional() }).strict(),
};

/** CancelFunds: its route under /api/v1, path parameters and body. */
export const cancelFundsRequest = {
  path: 'agreements/:agreementId/cancellations',
  params: pathIds('agreementId'),
  body: z.object({ ...transactionFields, reason: requiredText(1000) }).strict(),
};

/** ReverseTransaction: its route under /api/v1, path parameters and body. */
export const reverseTransactionRequest = {
  path: 'agreements/:agreementId/transactions/:transactionId/reversal',
  params: pathIds('agreementId', 'transactionId'),
  body: z.object({ reasonCode: codeField, source: sourceField, note: text(1000).optional(), effectiveDate: effectiveDateField }).strict(),
};
