import type { PortfolioEvent } from '@ecab/contracts';
import type { BatchRows } from '../batch-rows.js';
import { effectiveDateOf } from '../event-data.js';
import type { ViewTable } from '../view-family.js';

/** What a money movement is, for every figure built on it (docs/DOMAIN.md §2). */
export type MovementKind = 'commitment' | 'cancellation' | 'disbursement' | 'spending' | 'award';

/**
 * money_movement: one row per money event — commitments, cancellations, funds received and spending
 * under an agreement (the agreement family), contract awards and variations (the contract family). A
 * reversal is a row of opposite sign. The base of every money figure and of lineage.
 */
export const MONEY_MOVEMENT_TABLE: ViewTable = {
  name: 'money_movement',
  key: ['event_id'],
  ddl: [
    `create table money_movement (
           event_id       text not null,
           project_id     text not null,
           agreement_id   text,
           contract_id    text,
           financier_ref  text,
           stream_id      text not null,
           stream_version integer not null,
           kind           text not null check (kind in ('commitment', 'cancellation', 'disbursement', 'spending', 'award')),
           event_type     text not null,
           transaction_id text,
           amount         numeric not null,
           currency       text not null,
           value_date     date not null,
           effective_on   date,
           recorded_at    timestamptz not null
         )`,
    'create index money_movement_transaction on money_movement (agreement_id, transaction_id)',
  ],
  // Its key is a unique index built with the query indexes, on the filled table (as project_activity's):
  // rows are only ever appended, one by each event the projection applies once.
  indexes: [
    'create unique index money_movement_key on money_movement (event_id)',
    'create index money_movement_project on money_movement (project_id, kind, value_date)',
    'create index money_movement_kind on money_movement (kind, value_date)',
    'create index money_movement_financier on money_movement (financier_ref, kind)',
    'create index money_movement_lineage on money_movement (kind, recorded_at, event_id)',
    // The movements in other currencies than USD, which portfolio-wide figures read one by one where a rate changes within a quarter.
    `create index money_movement_foreign on money_movement (currency, value_date) where currency <> 'USD'`,
  ],
};

/**
 * money_quarter: the money_movement amounts summed per project, agreement ('' for none: awards), kind,
 * currency and quarter of the value date (its first day). The portfolio-wide figures read these sums for
 * every quarter they take whole (a few rows a project instead of one a movement) and the movements only
 * for the quarters a period cuts or an exchange rate changes in (queries/money-movements.ts). Added to by
 * every batch at once (`BatchRows.add`), never read by the projection.
 */
export const MONEY_QUARTER_TABLE: ViewTable = {
  name: 'money_quarter',
  key: ['project_id', 'agreement_id', 'kind', 'currency', 'quarter'],
  ddl: [
    `create table money_quarter (
           project_id   text not null,
           agreement_id text not null,
           kind         text not null,
           currency     text not null,
           quarter      date not null,
           amount       numeric not null,
           primary key (project_id, agreement_id, kind, currency, quarter)
         )`,
  ],
};

export interface Movement {
  projectId: string;
  agreementId: string | null;
  contractId: string | null;
  financierRef: string | null;
  kind: MovementKind;
  transactionId: string;
  amount: string;
  currency: string;
  valueDate: string;
}

/** One money_movement row per event, and its amount added to the quarter's sum. */
export function recordMoneyMovement(rows: BatchRows, event: PortfolioEvent, movement: Movement): void {
  rows.append('money_movement', movementRow(event, movement));
  rows.add(
    'money_quarter',
    {
      project_id: movement.projectId,
      agreement_id: movement.agreementId ?? '',
      kind: movement.kind,
      currency: movement.currency,
      quarter: quarterOf(movement.valueDate),
    },
    { amount: movement.amount },
  );
}

/** The first day of the quarter of an ISO date (YYYY-MM-DD). */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
}

/** The money_movement row of an event. */
function movementRow(event: PortfolioEvent, movement: Movement): Record<string, unknown> {
  return {
    event_id: event.eventId,
    project_id: movement.projectId,
    agreement_id: movement.agreementId,
    contract_id: movement.contractId,
    financier_ref: movement.financierRef,
    stream_id: event.streamId,
    stream_version: event.streamVersion,
    kind: movement.kind,
    event_type: event.type,
    transaction_id: movement.transactionId,
    amount: movement.amount,
    currency: movement.currency,
    value_date: movement.valueDate,
    effective_on: effectiveDateOf(event) ?? movement.valueDate,
    recorded_at: event.time,
  };
}
