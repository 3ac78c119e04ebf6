import type { PortfolioEvent } from '@ecab/contracts';
import { decimal, effectiveDateOf, MalformedEventError, optionalText, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

/** What a money movement is, for every figure built on it (PLAN / DOMAIN §2). */
export type MovementKind = 'commitment' | 'cancellation' | 'disbursement' | 'spending' | 'award';

/**
 * The money events of an agreement and the kind each is. Amounts are stored as recorded: a commitment
 * or an amendment adds (an amendment may be negative), a cancellation is positive and subtracts from the
 * net commitment, funds received are the disbursement, onward payments (IATI 3 and 4) are spending.
 */
const AGREEMENT_MOVEMENTS: Readonly<Record<string, Exclude<MovementKind, 'award'>>> = {
  AgreementCommitmentRecorded: 'commitment',
  CommitmentAmended: 'commitment',
  FundsCancelled: 'cancellation',
  FundsReceived: 'disbursement',
  AgreementDisbursementRecorded: 'spending',
  ExpenditureRecorded: 'spending',
};

/** The column of agreement_view each kind adds to. */
const TOTAL_COLUMN: Readonly<Record<Exclude<MovementKind, 'award'>, string>> = {
  commitment: 'committed',
  cancellation: 'cancelled',
  disbursement: 'disbursed',
  spending: 'spent',
};

/** The agreement the project-level shorthand acts on: one per project and financier. */
export function shorthandAgreementId(projectId: string, financierRef: string): string {
  return `${projectId}~${financierRef}`;
}

/**
 * agreement_view (one row per financing agreement, with its running totals), money_movement (one row per
 * money event: the base of every money figure and of lineage) and planned_disbursement.
 */
export const agreementFamily: ViewFamily = {
  name: 'agreement',
  tables: [
    {
      name: 'agreement_view',
      ddl: [
        `create table agreement_view (
           agreement_id        text primary key,
           project_id          text not null,
           financier_ref       text,
           financier_name      text,
           agreement_number    text,
           instrument          text,
           currency            text,
           signed_amount       numeric,
           signed_on           date,
           effective_on        date,
           original_closing_on date,
           closing_on          date,
           extended            boolean not null default false,
           opened_by           text not null,
           committed           numeric not null default 0,
           cancelled           numeric not null default 0,
           disbursed           numeric not null default 0,
           spent               numeric not null default 0,
           updated_at          timestamptz not null
         )`,
        'create index agreement_view_project on agreement_view (project_id)',
        'create index agreement_view_financier on agreement_view (financier_ref)',
      ],
    },
    {
      name: 'money_movement',
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
        'create index money_movement_project on money_movement (project_id, kind, value_date)',
        'create index money_movement_kind on money_movement (kind, value_date)',
        'create index money_movement_transaction on money_movement (agreement_id, transaction_id)',
        'create index money_movement_financier on money_movement (financier_ref, kind)',
        'create index money_movement_lineage on money_movement (kind, recorded_at, event_id)',
      ],
    },
    {
      name: 'planned_disbursement',
      ddl: [
        `create table planned_disbursement (
           agreement_id            text not null,
           planned_disbursement_id text not null,
           project_id              text not null,
           period_start            date not null,
           period_end              date not null,
           amount                  numeric not null,
           currency                text not null,
           event_id                text not null,
           primary key (agreement_id, planned_disbursement_id)
         )`,
        'create index planned_disbursement_project on planned_disbursement (project_id, period_end)',
      ],
    },
  ],
  async apply(sql, event) {
    const projectId = projectOf(event);
    if (event.streamId === `project-${projectId}`) {
      if (event.type === 'CommitmentRecorded' || event.type === 'DisbursementRecorded') await applyShorthandMovement(sql, event, projectId);
      return;
    }
    if (!event.streamId.startsWith('agreement-')) return;
    await applyAgreementEvent(sql, event, projectId);
  },
};

/**
 * An old project-stream commitment or disbursement (v1, or v2 upcast with `agreementId` and
 * `transactionId`): counted exactly like an agreement commitment or funds received, under the project's
 * shorthand agreement with that financier, made here when the project has none yet.
 */
async function applyShorthandMovement(sql: Sql, event: PortfolioEvent, projectId: string): Promise<void> {
  const commitment = event.type === 'CommitmentRecorded';
  const financier = text(event, 'financier');
  const agreementId = optionalText(event, 'agreementId') ?? shorthandAgreementId(projectId, financier);
  const transactionId = optionalText(event, 'transactionId') ?? text(event, commitment ? 'commitmentId' : 'disbursementId');
  const currency = text(event, 'currency');
  const valueDate = date(event, 'valueDate');
  await openShorthand(sql, event, { agreementId, projectId, financierRef: financier, financierName: null, currency, openedOn: valueDate });
  await recordMovement(sql, event, {
    projectId,
    agreementId,
    kind: commitment ? 'commitment' : 'disbursement',
    transactionId,
    amount: decimal(event, 'amount'),
    currency,
    valueDate,
  });
}

async function applyAgreementEvent(sql: Sql, event: PortfolioEvent, projectId: string): Promise<void> {
  const agreementId = text(event, 'agreementId');
  switch (event.type) {
    case 'AgreementSigned': {
      // The header is shown, not summed: a field it lacks stays empty rather than stopping the project's views.
      const financier = event.data.financier === undefined ? { ref: null, name: null } : organisation(event, 'financier');
      const closing = optionalDate(event, 'closingDate');
      const amount = event.data.amount === undefined ? null : decimal(event, 'amount');
      await sql(
        `insert into agreement_view (agreement_id, project_id, financier_ref, financier_name, agreement_number, instrument, currency, signed_amount, signed_on,
                                     original_closing_on, closing_on, opened_by, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'signed', $11)
         on conflict (agreement_id) do update set
           financier_ref = excluded.financier_ref, financier_name = excluded.financier_name, agreement_number = excluded.agreement_number,
           instrument = excluded.instrument, currency = excluded.currency, signed_amount = excluded.signed_amount, signed_on = excluded.signed_on,
           original_closing_on = excluded.original_closing_on, closing_on = coalesce(agreement_view.closing_on, excluded.closing_on),
           opened_by = 'signed', updated_at = excluded.updated_at`,
        [
          agreementId,
          projectId,
          financier.ref,
          financier.name,
          optionalText(event, 'agreementNumber'),
          optionalText(event, 'instrument'),
          optionalText(event, 'currency'),
          amount,
          optionalDate(event, 'signedDate'),
          closing,
          event.time,
        ],
      );
      return;
    }
    case 'AgreementOpened': {
      const financier = organisation(event, 'financier');
      await openShorthand(sql, event, { agreementId, projectId, financierRef: financier.ref, financierName: financier.name, currency: text(event, 'currency'), openedOn: date(event, 'effectiveDate') });
      return;
    }
    case 'AgreementDeclaredEffective':
      await ensureAgreement(sql, event, agreementId, projectId);
      await sql('update agreement_view set effective_on = $2, updated_at = $3 where agreement_id = $1', [agreementId, date(event, 'effectivenessDate'), event.time]);
      return;
    case 'ClosingDateExtended':
      await ensureAgreement(sql, event, agreementId, projectId);
      await sql(
        `update agreement_view set closing_on = $2, extended = true, updated_at = $4,
                original_closing_on = coalesce(original_closing_on, $3::date)
          where agreement_id = $1`,
        [agreementId, date(event, 'closingDate'), optionalDate(event, 'previousClosingDate'), event.time],
      );
      return;
    case 'PlannedDisbursementScheduled': {
      await ensureAgreement(sql, event, agreementId, projectId);
      const period = event.data.period as { start?: unknown; end?: unknown } | undefined;
      const start = typeof period?.start === 'string' && ISO_DATE.test(period.start) ? period.start : null;
      const end = typeof period?.end === 'string' && ISO_DATE.test(period.end) ? period.end : null;
      if (!start || !end) throw new MalformedEventError(event, 'period');
      await sql(
        `insert into planned_disbursement (agreement_id, planned_disbursement_id, project_id, period_start, period_end, amount, currency, event_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (agreement_id, planned_disbursement_id) do update set period_start = excluded.period_start, period_end = excluded.period_end,
           amount = excluded.amount, currency = excluded.currency, event_id = excluded.event_id`,
        [agreementId, text(event, 'plannedDisbursementId'), projectId, start, end, decimal(event, 'amount'), text(event, 'currency'), event.eventId],
      );
      return;
    }
    case 'TransactionReversed': {
      const reversedType = text(event, 'reversedEventType');
      const kind = AGREEMENT_MOVEMENTS[reversedType];
      if (!kind) throw new MalformedEventError(event, 'reversedEventType');
      const transactionId = text(event, 'transactionId');
      // The reversal undoes the movement at the movement's own value date, so every figure as of any date nets to zero.
      const [original] = (await sql('select value_date::text as value_date from money_movement where agreement_id = $1 and transaction_id = $2 and event_type = $3 limit 1', [
        agreementId,
        transactionId,
        reversedType,
      ])) as { value_date: string }[];
      await ensureAgreement(sql, event, agreementId, projectId);
      await recordMovement(sql, event, {
        projectId,
        agreementId,
        kind,
        transactionId,
        amount: negate(decimal(event, 'amount', { signed: true })),
        currency: text(event, 'currency'),
        valueDate: original?.value_date ?? effectiveDateOf(event) ?? event.time.slice(0, 10),
      });
      return;
    }
    default: {
      const kind = AGREEMENT_MOVEMENTS[event.type];
      if (!kind) return;
      await ensureAgreement(sql, event, agreementId, projectId);
      await recordMovement(sql, event, {
        projectId,
        agreementId,
        kind,
        transactionId: text(event, 'transactionId'),
        amount: decimal(event, 'amount', { signed: event.type === 'CommitmentAmended' }),
        currency: text(event, 'currency'),
        valueDate: date(event, 'valueDate'),
      });
    }
  }
}

interface Movement {
  projectId: string;
  agreementId: string;
  kind: Exclude<MovementKind, 'award'>;
  transactionId: string;
  amount: string;
  currency: string;
  valueDate: string;
}

/** One money_movement row per event (redelivery is harmless: the event id is the key), and the agreement's running total. */
async function recordMovement(sql: Sql, event: PortfolioEvent, movement: Movement): Promise<void> {
  const inserted = await sql(
    `insert into money_movement (event_id, project_id, agreement_id, financier_ref, stream_id, stream_version, kind, event_type, transaction_id, amount, currency, value_date, effective_on, recorded_at)
     select $1, $2, $3, (select financier_ref from agreement_view where agreement_id = $3), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
     on conflict (event_id) do nothing returning event_id`,
    [
      event.eventId,
      movement.projectId,
      movement.agreementId,
      event.streamId,
      event.streamVersion,
      movement.kind,
      event.type,
      movement.transactionId,
      movement.amount,
      movement.currency,
      movement.valueDate,
      effectiveDateOf(event) ?? movement.valueDate,
      event.time,
    ],
  );
  if (inserted.length === 0) return;
  const column = TOTAL_COLUMN[movement.kind];
  await sql(`update agreement_view set ${column} = ${column} + $2, updated_at = greatest(updated_at, $3) where agreement_id = $1`, [movement.agreementId, movement.amount, event.time]);
}

/**
 * The shorthand agreement of a project and financier: made when first seen (by `AgreementOpened` or by
 * the first old project-stream movement). Money flows under it from the day it is opened, so that day is
 * its effectiveness date.
 */
async function openShorthand(
  sql: Sql,
  event: PortfolioEvent,
  agreement: { agreementId: string; projectId: string; financierRef: string; financierName: string | null; currency: string; openedOn: string },
): Promise<void> {
  await sql(
    `insert into agreement_view (agreement_id, project_id, financier_ref, financier_name, currency, effective_on, opened_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, 'shorthand', $7)
     on conflict (agreement_id) do update set
       financier_ref = coalesce(agreement_view.financier_ref, excluded.financier_ref),
       financier_name = coalesce(agreement_view.financier_name, excluded.financier_name),
       currency = coalesce(agreement_view.currency, excluded.currency),
       effective_on = case when agreement_view.opened_by = 'shorthand' then least(agreement_view.effective_on, excluded.effective_on) else agreement_view.effective_on end,
       updated_at = greatest(agreement_view.updated_at, excluded.updated_at)`,
    [agreement.agreementId, agreement.projectId, agreement.financierRef, agreement.financierName, agreement.currency, agreement.openedOn, event.time],
  );
}

/** An agreement event arriving before its header (never in order, but a rebuild must not fail on it): a bare row. */
async function ensureAgreement(sql: Sql, event: PortfolioEvent, agreementId: string, projectId: string): Promise<void> {
  await sql(`insert into agreement_view (agreement_id, project_id, opened_by, updated_at) values ($1, $2, 'signed', $3) on conflict (agreement_id) do nothing`, [
    agreementId,
    projectId,
    event.time,
  ]);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, field);
  return value;
}

function optionalDate(event: PortfolioEvent, field: string): string | null {
  return event.data[field] === undefined ? null : date(event, field);
}

/** An organisation reference: `{ organisationId?, name? }` (contracts) or `{ ref, name? }` (AgreementOpened). */
export function organisation(event: PortfolioEvent, field: string): { ref: string; name: string | null } {
  const value = event.data[field];
  if (typeof value !== 'object' || value === null) throw new MalformedEventError(event, field);
  const { organisationId, ref, name } = value as { organisationId?: unknown; ref?: unknown; name?: unknown };
  const id = [organisationId, ref, name].find((v): v is string => typeof v === 'string' && v !== '');
  if (!id) throw new MalformedEventError(event, `${field}.organisationId`);
  return { ref: id, name: typeof name === 'string' && name !== '' ? name : null };
}

export function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : amount === '0' || /^0(\.0+)?$/.test(amount) ? amount : `-${amount}`;
}
