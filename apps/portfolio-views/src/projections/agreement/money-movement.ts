import type { PortfolioEvent } from '@ecab/contracts';
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
           event_id       text primary key,
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
  indexes: [
    'create index money_movement_project on money_movement (project_id, kind, value_date)',
    'create index money_movement_kind on money_movement (kind, value_date)',
    'create index money_movement_financier on money_movement (financier_ref, kind)',
    'create index money_movement_lineage on money_movement (kind, recorded_at, event_id)',
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

/** The money_movement row of an event. */
export function movementRow(event: PortfolioEvent, movement: Movement): Record<string, unknown> {
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
