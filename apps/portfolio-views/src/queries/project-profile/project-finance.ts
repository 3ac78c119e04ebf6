import { canonicalAmount } from '../money.js';
import { isoInstantSql } from '../sections.js';

/** One money movement under an agreement, as recorded (a reversal or a decrease is negative). */
export interface AgreementTransactionEntry {
  eventId: string;
  kind: 'commitment' | 'cancellation' | 'disbursement' | 'spending';
  eventType: string;
  transactionId: string | null;
  amount: string;
  currency: string;
  valueDate: string;
  recordedAt: string;
}

export interface AgreementEntry {
  agreementId: string;
  agreementNumber: string | null;
  financierRef: string | null;
  financierName: string | null;
  instrument: string | null;
  currency: string | null;
  signedAmount: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
  originalClosingOn: string | null;
  closingOn: string | null;
  extended: boolean;
  /** `signed`: an agreement signed and recorded as such; `shorthand`: opened by a project-level commitment or disbursement. */
  openedBy: string;
  /** Commitments and amendments; cancellations apart. Net commitment = committed − cancelled. */
  committed: string;
  cancelled: string;
  netCommitment: string;
  /** Funds received (IATI 1): money released under the agreement. */
  disbursed: string;
  /** Onward payments (IATI 3 and 4). */
  spent: string;
  transactions: AgreementTransactionEntry[];
}

export interface ContractEntry {
  contractId: string;
  title: string | null;
  method: string | null;
  estimatedValue: string | null;
  estimatedCurrency: string | null;
  plannedAwardOn: string | null;
  contractorRef: string | null;
  contractorName: string | null;
  awardedOn: string | null;
  contractValue: string | null;
  contractCurrency: string | null;
  status: string;
}

const amount = (value: string | null, currency: string | null): string | null =>
  value === null || currency === null ? value : canonicalAmount(value, currency);

/** The project's financing agreements (at most `limit`); `project` and `limit` are placeholders of the statement it is part of. */
export function agreementsSql(project: string, limit: string): string {
  return `select agreement_id as "agreementId", agreement_number as "agreementNumber", financier_ref as "financierRef", financier_name as "financierName",
            instrument, currency, signed_amount::text as "signedAmount", to_char(signed_on, 'YYYY-MM-DD') as "signedOn",
            to_char(effective_on, 'YYYY-MM-DD') as "effectiveOn", to_char(original_closing_on, 'YYYY-MM-DD') as "originalClosingOn",
            to_char(closing_on, 'YYYY-MM-DD') as "closingOn", extended, opened_by as "openedBy",
            committed::text as committed, cancelled::text as cancelled, (committed - cancelled)::text as "netCommitment", disbursed::text as disbursed, spent::text as spent
       from agreement_view where project_id = ${project} order by signed_on nulls last, agreement_id limit ${limit}`;
}

/** The money movements under the project's agreements in value-date order (at most `limit`). */
export function agreementTransactionsSql(project: string, limit: string): string {
  return `select agreement_id as "agreementId", event_id as "eventId", kind, event_type as "eventType", transaction_id as "transactionId",
            amount::text as amount, currency, to_char(value_date, 'YYYY-MM-DD') as "valueDate", ${isoInstantSql('recorded_at')} as "recordedAt"
       from money_movement where project_id = ${project} and agreement_id is not null and kind <> 'award'
      order by value_date, recorded_at, event_id limit ${limit}`;
}

export type AgreementRow = Omit<AgreementEntry, 'transactions'>;
export type AgreementTransactionRow = AgreementTransactionEntry & { agreementId: string };

/** The agreements as the profile answers them, each with its transactions. */
export function agreementEntries(agreements: readonly AgreementRow[], movements: readonly AgreementTransactionRow[]): AgreementEntry[] {
  return agreements.map((a) => {
    const money = (value: string): string => (a.currency ? canonicalAmount(value, a.currency) : value);
    return {
      ...a,
      signedAmount: amount(a.signedAmount, a.currency),
      committed: money(a.committed),
      cancelled: money(a.cancelled),
      netCommitment: money(a.netCommitment),
      disbursed: money(a.disbursed),
      spent: money(a.spent),
      transactions: movements
        .filter((m) => m.agreementId === a.agreementId)
        .map(({ agreementId: _agreementId, ...m }) => ({ ...m, amount: canonicalAmount(m.amount, m.currency) })),
    };
  });
}

/** The project's procurement packages and contracts (at most `limit`). */
export function contractsSql(project: string, limit: string): string {
  return `select contract_id as "contractId", title, method, estimated_value::text as "estimatedValue", estimated_currency as "estimatedCurrency",
            to_char(planned_award_on, 'YYYY-MM-DD') as "plannedAwardOn", contractor_ref as "contractorRef", contractor_name as "contractorName",
            to_char(awarded_on, 'YYYY-MM-DD') as "awardedOn", contract_value::text as "contractValue", contract_currency as "contractCurrency", status
       from contract_view where project_id = ${project} order by planned_award_on nulls last, contract_id limit ${limit}`;
}

export function contractEntries(rows: readonly ContractEntry[]): ContractEntry[] {
  return rows.map((c) => ({ ...c, estimatedValue: amount(c.estimatedValue, c.estimatedCurrency), contractValue: amount(c.contractValue, c.contractCurrency) }));
}
