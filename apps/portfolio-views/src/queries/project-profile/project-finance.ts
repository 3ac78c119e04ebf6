import { canonicalAmount, canonicalAmountSql } from '../money.js';
import { isoInstantSql, jsonListSql } from '../sections.js';

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

/**
 * The project's financing agreements (at most `limit`), each with its money movements in value-date order
 * (at most `limit` over the project), as the JSON text of AgreementEntry[]: PostgreSQL writes the whole
 * section, amounts in their currency's decimals. Parsing up to `limit` movements in Node, only to write
 * them out again, was most of what a read of a busy project's profile cost. `project` and `limit` are
 * placeholders of the statement it is part of.
 */
export function agreementsJsonSql(project: string, limit: string): string {
  const money = (column: string) => canonicalAmountSql(column, 'a.currency');
  const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  const transactions = jsonListSql(`select m.event_id as "eventId", m.kind, m.event_type as "eventType", m.transaction_id as "transactionId",
            ${canonicalAmountSql('m.amount', 'm.currency')} as amount, m.currency, ${day('m.value_date')} as "valueDate", ${isoInstantSql('m.recorded_at')} as "recordedAt"
       from movement m where m.agreement_id = a.agreement_id order by m.value_date, m.recorded_at, m.event_id`);
  return `(with movement as (
       select agreement_id, event_id, kind, event_type, transaction_id, amount, currency, value_date, recorded_at
         from money_movement where project_id = ${project} and agreement_id is not null and kind <> 'award'
        order by value_date, recorded_at, event_id limit ${limit})
     select coalesce(json_agg(s), '[]'::json)::text from (
       select a.agreement_id as "agreementId", a.agreement_number as "agreementNumber", a.financier_ref as "financierRef",
              a.financier_name as "financierName", a.instrument, a.currency, ${money('a.signed_amount')} as "signedAmount",
              ${day('a.signed_on')} as "signedOn", ${day('a.effective_on')} as "effectiveOn", ${day('a.original_closing_on')} as "originalClosingOn",
              ${day('a.closing_on')} as "closingOn", a.extended, a.opened_by as "openedBy", ${money('a.committed')} as committed,
              ${money('a.cancelled')} as cancelled, ${money('a.committed - a.cancelled')} as "netCommitment", ${money('a.disbursed')} as disbursed,
              ${money('a.spent')} as spent, ${transactions} as transactions
         from agreement_view a where a.project_id = ${project} order by a.signed_on nulls last, a.agreement_id limit ${limit}) s)`;
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
