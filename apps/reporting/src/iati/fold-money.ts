import { codeOf, isIllustrative, organisationRef, type Data } from './event-data.js';
import type { ProjectFacts, TransactionFacts } from './portfolio-facts.js';

/** Money movements that reduce what they count toward are reported negative (IATI: a negative value). */
const REDUCING = new Set(['FundsCancelled']);
const MOVEMENTS = new Set([
  'AgreementCommitmentRecorded',
  'CommitmentAmended',
  'FundsCancelled',
  'FundsReceived',
  'AgreementDisbursementRecorded',
  'ExpenditureRecorded',
]);
/** The v1 project-level shorthands, read as v2 (they name their agreement and transaction). */
const SHORTHAND_TYPES: Record<string, string> = { CommitmentRecorded: '11', DisbursementRecorded: '1' };

export function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/** Financing agreements of a project and their transactions (partner-facing); planned disbursements (descriptive). */
export function applyMoneyEvent(project: ProjectFacts, type: string, data: Data, eventId: string): void {
  if (type === 'AgreementSigned' || type === 'AgreementOpened') {
    project.agreements.set(data.agreementId, {
      agreementId: data.agreementId,
      financier: organisationRef(data.financier),
      providerActivityId: data.providerActivityId,
      financeType: data.financeType ? codeOf(data.financeType) : undefined,
      flowType: data.flowType ? codeOf(data.flowType) : undefined,
      aidType: data.aidType ? codeOf(data.aidType) : undefined,
      illustrative: isIllustrative(data),
    });
    return;
  }
  if (MOVEMENTS.has(type)) {
    project.transactions.push(transaction(data, codeOf(data.transactionType), REDUCING.has(type) ? negate(data.amount) : data.amount, data.reason, eventId));
    return;
  }
  const shorthandType = SHORTHAND_TYPES[type];
  if (shorthandType !== undefined) {
    if (!project.agreements.has(data.agreementId)) {
      project.agreements.set(data.agreementId, {
        agreementId: data.agreementId,
        financier: { organisationId: data.financier },
        providerActivityId: undefined,
        financeType: undefined,
        flowType: undefined,
        aidType: undefined,
        illustrative: false,
      });
    }
    project.transactions.push(transaction({ ...data, effectiveDate: data.valueDate }, shorthandType, data.amount, undefined, eventId));
    return;
  }
  if (type === 'TransactionReversed') {
    const original = project.transactions.find((t) => t.agreementId === data.agreementId && t.transactionId === data.transactionId);
    if (!original) return;
    project.transactions.push({
      ...original,
      transactionId: `${data.transactionId}-reversal`,
      amount: negate(original.amount),
      date: data.effectiveDate,
      note: `Reversal of ${data.transactionId} (${data.reasonCode})${data.note ? `: ${data.note}` : ''}`,
      illustrative: original.illustrative || isIllustrative(data),
      eventId,
    });
    return;
  }
  if (type === 'PlannedDisbursementScheduled') {
    project.draft.plannedDisbursements.push({
      agreementId: data.agreementId,
      plannedDisbursementId: data.plannedDisbursementId,
      start: data.period.start,
      end: data.period.end,
      amount: data.amount,
      currency: data.currency,
    });
  }
}

function transaction(data: Data, type: string, amount: string, note: string | undefined, eventId: string): TransactionFacts {
  return {
    agreementId: data.agreementId,
    transactionId: data.transactionId,
    type,
    amount,
    currency: data.currency,
    date: data.effectiveDate ?? data.valueDate,
    valueDate: data.valueDate,
    receiver: data.receiver ? organisationRef(data.receiver) : undefined,
    note,
    illustrative: isIllustrative(data),
    eventId,
  };
}
