import type { PortfolioEvent } from '@ecab/contracts';
import { recordMoneyMovement } from '../agreement/money-movement.js';
import { effectiveDateOf, MalformedEventError, organisation, projectOf, text } from '../event-data.js';
import type { BatchRows } from '../batch-rows.js';
import type { ViewFamily } from '../view-family.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNSIGNED = /^\d{1,20}(\.\d{1,10})?$/;
const SIGNED = /^-?\d{1,20}(\.\d{1,10})?$/;

/**
 * contract_view: one row per procurement package and the contract awarded for it. Awards and approved
 * variations are contract awards A(t): each is also a money_movement row of kind 'award', in the
 * contract's currency, at the award date (a variation at its effective date).
 */
export const contractPackageFamily: ViewFamily = {
  name: 'contract',
  tables: [
    {
      name: 'contract_view',
      key: ['contract_id'],
      ddl: [
        `create table contract_view (
           contract_id        text primary key,
           project_id         text not null,
           title              text,
           method             text,
           estimated_value    numeric,
           estimated_currency text,
           planned_award_on   date,
           contractor_ref     text,
           contractor_name    text,
           awarded_on         date,
           contract_value     numeric,
           contract_currency  text,
           status             text not null check (status in ('planned', 'awarded', 'completed', 'terminated')),
           updated_at         timestamptz not null
         )`,
      ],
      indexes: ['create index contract_view_project on contract_view (project_id)'],
    },
  ],
  needs(event, rows) {
    if (event.streamId.startsWith('contract-')) rows.need('contract_view', [text(event, 'contractId')]);
  },
  change(event, rows) {
    if (!event.streamId.startsWith('contract-')) return;
    const projectId = projectOf(event);
    const contractId = text(event, 'contractId');
    switch (event.type) {
      case 'ProcurementPackagePlanned': {
        const estimate = money(event, 'estimatedValue');
        const planned = {
          title: text(event, 'title'),
          method: text(event, 'method'),
          estimated_value: estimate.amount,
          estimated_currency: estimate.currency,
          planned_award_on: date(event, 'plannedAwardDate'),
          updated_at: event.time,
        };
        const existing = rows.get('contract_view', [contractId]);
        if (existing) rows.update('contract_view', existing, planned);
        else rows.put('contract_view', { ...bareContract(contractId, projectId, event), ...planned });
        return;
      }
      case 'ContractAwarded': {
        const value = money(event, 'contractValue');
        const contractor = organisation(event, 'contractor');
        const awardDate = date(event, 'awardDate');
        rows.update('contract_view', ensureContract(rows, event, contractId, projectId), {
          contractor_ref: contractor.ref,
          contractor_name: contractor.name,
          awarded_on: awardDate,
          contract_value: value.amount,
          contract_currency: value.currency,
          status: 'awarded',
          updated_at: event.time,
        });
        recordAward(rows, event, { projectId, contractId, transactionId: contractId, amount: value.amount, currency: value.currency, valueDate: awardDate });
        return;
      }
      case 'ContractVariationApproved': {
        const delta = money(event, 'amountDelta', true);
        const value = money(event, 'contractValue');
        const contract = ensureContract(rows, event, contractId, projectId);
        rows.update('contract_view', contract, {
          contract_value: value.amount,
          contract_currency: contract.contract_currency ?? value.currency,
          updated_at: event.time,
        });
        recordAward(rows, event, {
          projectId,
          contractId,
          transactionId: text(event, 'variationId'),
          amount: delta.amount,
          currency: delta.currency,
          valueDate: effectiveDateOf(event) ?? event.time.slice(0, 10),
        });
        return;
      }
      case 'ContractCompleted':
      case 'ContractTerminated':
        rows.update('contract_view', ensureContract(rows, event, contractId, projectId), {
          status: event.type === 'ContractCompleted' ? 'completed' : 'terminated',
          updated_at: event.time,
        });
        return;
      default:
        return;
    }
  },
};

interface ContractRow {
  [column: string]: unknown;
  contract_currency: string | null;
}

function bareContract(contractId: string, projectId: string, event: PortfolioEvent): ContractRow {
  return {
    contract_id: contractId,
    project_id: projectId,
    title: null,
    method: null,
    estimated_value: null,
    estimated_currency: null,
    planned_award_on: null,
    contractor_ref: null,
    contractor_name: null,
    awarded_on: null,
    contract_value: null,
    contract_currency: null,
    status: 'planned',
    updated_at: event.time,
  };
}

function ensureContract(rows: BatchRows, event: PortfolioEvent, contractId: string, projectId: string): ContractRow {
  const existing = rows.get<ContractRow>('contract_view', [contractId]);
  if (existing) return existing;
  const bare = bareContract(contractId, projectId, event);
  rows.put('contract_view', bare);
  return bare;
}

/** A contract award A(t): a money_movement row of kind 'award'. */
function recordAward(
  rows: BatchRows,
  event: PortfolioEvent,
  award: { projectId: string; contractId: string; transactionId: string; amount: string; currency: string; valueDate: string },
): void {
  recordMoneyMovement(rows, event, { ...award, agreementId: null, financierRef: null, kind: 'award' });
}

function money(event: PortfolioEvent, field: string, signed = false): { amount: string; currency: string } {
  const value = event.data[field] as { amount?: unknown; currency?: unknown } | undefined;
  const amount = value?.amount;
  const currency = value?.currency;
  if (typeof amount !== 'string' || !(signed ? SIGNED : UNSIGNED).test(amount)) throw new MalformedEventError(event, `${field}.amount`);
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new MalformedEventError(event, `${field}.currency`);
  return { amount, currency };
}

function date(event: PortfolioEvent, field: string): string {
  const value = text(event, field);
  if (!ISO_DATE.test(value)) throw new MalformedEventError(event, field);
  return value;
}
