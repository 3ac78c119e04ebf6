import type { PortfolioEvent } from '@ecab/contracts';
import type { BatchRows } from '../batch-rows.js';
import { MONEY_MOVEMENT_TABLE, MONEY_QUARTER_TABLE, recordMoneyMovement, type Movement, type MovementKind } from './money-movement.js';
import {
  date,
  decimal,
  effectiveDateOf,
  ISO_DATE,
  later,
  MalformedEventError,
  negate,
  optionalDate,
  optionalText,
  organisation,
  projectOf,
  sum,
  text,
} from '../event-data.js';
import { addToProjectMoney, needProjectMoney } from './project-money.js';
import { bareAgreement, ensureAgreement, openShorthand, type AgreementRow } from './agreement-rows.js';
import { AGREEMENT_VIEW_TABLE, CLUSTER_MONEY_TABLE, PLANNED_DISBURSEMENT_TABLE, PROJECT_MONEY_TABLE } from './agreement-tables.js';
import type { ViewFamily } from '../view-family.js';

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
  tables: [AGREEMENT_VIEW_TABLE, MONEY_MOVEMENT_TABLE, MONEY_QUARTER_TABLE, PLANNED_DISBURSEMENT_TABLE, PROJECT_MONEY_TABLE, CLUSTER_MONEY_TABLE],
  needs(event, rows) {
    const projectId = projectOf(event);
    if (event.streamId === `project-${projectId}`) {
      if (event.type !== 'CommitmentRecorded' && event.type !== 'DisbursementRecorded') return;
      rows.need('agreement_view', [shorthandOf(event, projectId).agreementId]);
      needProjectMoney(rows, projectId, text(event, 'currency'));
      return;
    }
    if (!event.streamId.startsWith('agreement-')) return;
    const agreementId = text(event, 'agreementId');
    rows.need('agreement_view', [agreementId]);
    if (event.type === 'TransactionReversed')
      rows.need('money_movement', [agreementId, text(event, 'transactionId'), text(event, 'reversedEventType')], REVERSED_BY);
    if (event.type === 'TransactionReversed' || AGREEMENT_MOVEMENTS[event.type]) needProjectMoney(rows, projectId, text(event, 'currency'));
  },
  change(event, rows) {
    const projectId = projectOf(event);
    if (event.streamId === `project-${projectId}`) {
      if (event.type === 'CommitmentRecorded' || event.type === 'DisbursementRecorded') changeShorthand(rows, event, projectId);
      return;
    }
    if (event.streamId.startsWith('agreement-')) changeAgreement(rows, event, projectId);
  },
};

/** The columns a reversal finds the movement it undoes by. */
const REVERSED_BY = ['agreement_id', 'transaction_id', 'event_type'] as const;

/** The agreement an old project-stream movement is counted under, and its transaction. */
function shorthandOf(event: PortfolioEvent, projectId: string): { agreementId: string; financier: string; transactionId: string } {
  const financier = text(event, 'financier');
  const agreementId = optionalText(event, 'agreementId') ?? shorthandAgreementId(projectId, financier);
  const transactionId = optionalText(event, 'transactionId') ?? text(event, event.type === 'CommitmentRecorded' ? 'commitmentId' : 'disbursementId');
  return { agreementId, financier, transactionId };
}

/**
 * An old project-stream commitment or disbursement (v1, or v2 upcast with `agreementId` and
 * `transactionId`): counted exactly like an agreement commitment or funds received, under the project's
 * shorthand agreement with that financier, made here when the project has none yet.
 */
function changeShorthand(rows: BatchRows, event: PortfolioEvent, projectId: string): void {
  const { agreementId, financier, transactionId } = shorthandOf(event, projectId);
  const currency = text(event, 'currency');
  const valueDate = date(event, 'valueDate');
  openShorthand(rows, event, { agreementId, projectId, financierRef: financier, financierName: null, currency, openedOn: valueDate });
  recordMovement(rows, event, {
    projectId,
    agreementId,
    kind: event.type === 'CommitmentRecorded' ? 'commitment' : 'disbursement',
    transactionId,
    amount: decimal(event, 'amount'),
    currency,
    valueDate,
  });
}

function changeAgreement(rows: BatchRows, event: PortfolioEvent, projectId: string): void {
  const agreementId = text(event, 'agreementId');
  switch (event.type) {
    case 'AgreementSigned': {
      // The header is shown, not summed: a field it lacks stays empty rather than stopping the project's views.
      const financier = event.data.financier === undefined ? { ref: null, name: null } : organisation(event, 'financier');
      const closing = optionalDate(event, 'closingDate');
      const header = {
        financier_ref: financier.ref,
        financier_name: financier.name,
        agreement_number: optionalText(event, 'agreementNumber'),
        instrument: optionalText(event, 'instrument'),
        currency: optionalText(event, 'currency'),
        signed_amount: event.data.amount === undefined ? null : decimal(event, 'amount'),
        signed_on: optionalDate(event, 'signedDate'),
        original_closing_on: closing,
        opened_by: 'signed' as const,
        updated_at: event.time,
      };
      const existing = rows.get<AgreementRow>('agreement_view', [agreementId]);
      if (existing) rows.update('agreement_view', existing, { ...header, closing_on: existing.closing_on ?? closing });
      else rows.put('agreement_view', { ...bareAgreement(agreementId, projectId, event), ...header, closing_on: closing });
      return;
    }
    case 'AgreementOpened': {
      const financier = organisation(event, 'financier');
      openShorthand(rows, event, {
        agreementId,
        projectId,
        financierRef: financier.ref,
        financierName: financier.name,
        currency: text(event, 'currency'),
        openedOn: date(event, 'effectiveDate'),
      });
      return;
    }
    case 'AgreementDeclaredEffective':
      rows.update('agreement_view', ensureAgreement(rows, event, agreementId, projectId), {
        effective_on: date(event, 'effectivenessDate'),
        updated_at: event.time,
      });
      return;
    case 'ClosingDateExtended': {
      const agreement = ensureAgreement(rows, event, agreementId, projectId);
      rows.update('agreement_view', agreement, {
        closing_on: date(event, 'closingDate'),
        extended: true,
        original_closing_on: agreement.original_closing_on ?? optionalDate(event, 'previousClosingDate'),
        updated_at: event.time,
      });
      return;
    }
    case 'PlannedDisbursementScheduled': {
      ensureAgreement(rows, event, agreementId, projectId);
      const period = event.data.period as { start?: unknown; end?: unknown } | undefined;
      const start = typeof period?.start === 'string' && ISO_DATE.test(period.start) ? period.start : null;
      const end = typeof period?.end === 'string' && ISO_DATE.test(period.end) ? period.end : null;
      if (!start || !end) throw new MalformedEventError(event, 'period');
      rows.put('planned_disbursement', {
        agreement_id: agreementId,
        planned_disbursement_id: text(event, 'plannedDisbursementId'),
        project_id: projectId,
        period_start: start,
        period_end: end,
        amount: decimal(event, 'amount'),
        currency: text(event, 'currency'),
        event_id: event.eventId,
      });
      return;
    }
    case 'TransactionReversed': {
      const reversedType = text(event, 'reversedEventType');
      const kind = AGREEMENT_MOVEMENTS[reversedType];
      if (!kind) throw new MalformedEventError(event, 'reversedEventType');
      const transactionId = text(event, 'transactionId');
      // The reversal undoes the movement at the movement's own value date, so every figure as of any date nets to zero.
      const [original] = rows.where<{ value_date: string }>('money_movement', {
        agreement_id: agreementId,
        transaction_id: transactionId,
        event_type: reversedType,
      });
      ensureAgreement(rows, event, agreementId, projectId);
      recordMovement(rows, event, {
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
      ensureAgreement(rows, event, agreementId, projectId);
      recordMovement(rows, event, {
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

/** A movement under an agreement (awards are the contract family's). */
type AgreementMovement = Omit<Movement, 'agreementId' | 'contractId' | 'financierRef' | 'kind'> & { agreementId: string; kind: Exclude<MovementKind, 'award'> };

/** One money_movement row per event (and its quarter's sum), and the agreement's running total. */
function recordMovement(rows: BatchRows, event: PortfolioEvent, movement: AgreementMovement): void {
  const agreement = rows.get<AgreementRow>('agreement_view', [movement.agreementId]);
  recordMoneyMovement(rows, event, {
    projectId: movement.projectId,
    agreementId: movement.agreementId,
    contractId: null,
    financierRef: agreement?.financier_ref ?? null,
    kind: movement.kind,
    transactionId: movement.transactionId,
    amount: movement.amount,
    currency: movement.currency,
    valueDate: movement.valueDate,
  });
  addToProjectMoney(rows, movement);
  if (!agreement) return;
  const column = TOTAL_COLUMN[movement.kind];
  // Changed in place rather than through an object of changes: this runs for every money event of a rebuild.
  agreement[column] = sum(agreement[column] as string, movement.amount);
  agreement.updated_at = later(agreement.updated_at, event.time);
  rows.put('agreement_view', agreement);
}
