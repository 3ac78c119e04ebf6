import { AGREEMENT_INSTRUMENTS, CONFIDENCE_LEVELS, REVERSAL_REASON_CODES } from '@ecab/domain';
import type { FieldSpec } from '../../components/CommandForm';
import {
  cancelFundsRequest,
  declareAgreementEffectiveRequest,
  recordAgreementCommitmentRequest,
  recordAgreementDisbursementRequest,
  recordFundsReceivedRequest,
  reverseTransactionRequest,
  signAgreementRequest,
} from '@ecab/contracts/commands';
import { codeOptions, moneyBody, moneyFields, optional, today, type Form, type FormContext } from './form-kit';

/** Where a fact comes from: a citation and how sure it is (the API's `source`). */
export function sourceFields(context: FormContext, required: boolean): FieldSpec[] {
  return [
    { name: 'sourceCitation', label: required ? 'field.sourceCitation' : 'field.sourceCitationOptional', apiField: 'source/citation', required },
    {
      name: 'sourceConfidence',
      label: 'field.sourceConfidence',
      apiField: 'source/confidence',
      type: 'select',
      initial: 'confirmed',
      options: codeOptions(context.i18n, 'confidence', CONFIDENCE_LEVELS),
    },
  ];
}

/** The `source` of a body: absent when no citation is given (an optional source), else citation and confidence. */
export const sourceBody = (v: Record<string, string>) =>
  optional(v.sourceCitation) === undefined && optional(v.sourceConfidence) === undefined
    ? undefined
    : { citation: v.sourceCitation ?? '', confidence: v.sourceConfidence };

export function signAgreement({ project, i18n }: FormContext): Form {
  return {
    title: 'command.signAgreement',
    request: signAgreementRequest,
    params: { projectId: project.id },
    fields: [
      { name: 'id', label: 'field.id' },
      { name: 'agreementNumber', label: 'field.agreementNumber', required: true },
      { name: 'financierId', label: 'field.financierId', apiField: 'financier/organisationId', initial: 'XM-DAC-46004' },
      { name: 'financierName', label: 'field.financierName', apiField: 'financier/name', initial: 'Asian Development Bank' },
      { name: 'instrument', label: 'field.instrument', type: 'select', initial: 'grant', options: codeOptions(i18n, 'instrument', AGREEMENT_INSTRUMENTS) },
      { name: 'financeType', label: 'field.financeType', initial: '110' },
      { name: 'flowType', label: 'field.flowType', initial: '10' },
      { name: 'aidType', label: 'field.aidType', initial: 'C01' },
      { name: 'amount', label: 'field.amount', type: 'number', required: true },
      { name: 'currency', label: 'field.currency', initial: 'USD' },
      { name: 'signedDate', label: 'field.signedDate', type: 'date', initial: today() },
      { name: 'closingDate', label: 'field.closingDate', type: 'date' },
    ],
    toBody: (v) => ({
      id: optional(v.id),
      agreementNumber: v.agreementNumber,
      financier: { organisationId: optional(v.financierId), name: optional(v.financierName) },
      instrument: v.instrument,
      financeType: v.financeType,
      flowType: v.flowType,
      aidType: v.aidType,
      amount: v.amount?.trim(),
      currency: v.currency?.trim(),
      signedDate: v.signedDate,
      closingDate: optional(v.closingDate),
    }),
  };
}

export function declareEffective(agreementId: string): Form {
  return {
    title: 'command.declareEffective',
    request: declareAgreementEffectiveRequest,
    params: { agreementId },
    fields: [{ name: 'effectivenessDate', label: 'field.effectivenessDate', type: 'date', initial: today() }],
    toBody: (v) => ({ effectivenessDate: v.effectivenessDate }),
  };
}

export function recordCommitment(agreementId: string, currency: string): Form {
  return {
    title: 'command.recordCommitment',
    request: recordAgreementCommitmentRequest,
    params: { agreementId },
    fields: moneyFields(currency),
    toBody: moneyBody,
  };
}

/** IATI 1, incoming funds: money the financier released under the agreement. */
export function recordFundsReceived(agreementId: string, currency: string): Form {
  return {
    title: 'command.recordFundsReceived',
    request: recordFundsReceivedRequest,
    params: { agreementId },
    fields: moneyFields(currency),
    toBody: moneyBody,
  };
}

/** IATI 3: a payment on to a contractor or implementer, never beyond the net commitment. */
export function recordDisbursement(agreementId: string, currency: string): Form {
  return {
    title: 'command.recordDisbursement',
    request: recordAgreementDisbursementRequest,
    params: { agreementId },
    fields: [
      { name: 'id', label: 'field.transactionId' },
      ...moneyFields(currency),
      { name: 'receiverName', label: 'field.receiverName', apiField: 'receiver/name' },
    ],
    toBody: (v) => {
      const receiver = optional(v.receiverName);
      return { id: optional(v.id), ...moneyBody(v), receiver: receiver === undefined ? undefined : { name: receiver } };
    },
  };
}

/** Part of the undisbursed commitment cancelled, with the reason. */
export function cancelFunds(agreementId: string, currency: string): Form {
  return {
    title: 'command.cancelFunds',
    request: cancelFundsRequest,
    params: { agreementId },
    fields: [...moneyFields(currency), { name: 'reason', label: 'field.requiredReason', required: true }],
    toBody: (v) => ({ ...moneyBody(v), reason: v.reason ?? '' }),
  };
}

/** A recorded transaction undone in full, with a reason code and where the correction comes from. */
export function reverseTransaction(context: FormContext, agreementId: string, transactionId: string): Form {
  return {
    title: 'command.reverseTransaction',
    request: reverseTransactionRequest,
    params: { agreementId, transactionId },
    fields: [
      {
        name: 'reasonCode',
        label: 'field.reasonCode',
        type: 'select',
        initial: 'DATA_ENTRY_ERROR',
        options: codeOptions(context.i18n, 'reversalReason', REVERSAL_REASON_CODES),
      },
      ...sourceFields(context, true),
      { name: 'note', label: 'field.note' },
    ],
    toBody: (v) => ({ reasonCode: v.reasonCode, source: { citation: v.sourceCitation ?? '', confidence: v.sourceConfidence }, note: optional(v.note) }),
  };
}
