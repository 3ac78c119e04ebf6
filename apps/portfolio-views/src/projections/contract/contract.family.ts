import type { PortfolioEvent } from '@ecab/contracts';
import { organisation } from '../agreement/agreement.family.js';
import { effectiveDateOf, MalformedEventError, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNSIGNED = /^\d{1,20}(\.\d{1,10})?$/;
const SIGNED = /^-?\d{1,20}(\.\d{1,10})?$/;

/**
 * contract_view: one row per procurement package and the contract awarded for it. Awards and approved
 * variations are contract awards A(t): each is also a money_movement row of kind 'award', in the
 * contract's currency, at the award date (a variation at its effective date).
 */
export const contractFamily: ViewFamily = {
  name: 'contract',
  tables: [
    {
      name: 'contract_view',
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
        'create index contract_view_project on contract_view (project_id)',
      ],
    },
  ],
  async apply(sql, event) {
    if (!event.streamId.startsWith('contract-')) return;
    const projectId = projectOf(event);
    const contractId = text(event, 'contractId');
    switch (event.type) {
      case 'ProcurementPackagePlanned': {
        const estimate = money(event, 'estimatedValue');
        await sql(
          `insert into contract_view (contract_id, project_id, title, method, estimated_value, estimated_currency, planned_award_on, status, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, 'planned', $8)
           on conflict (contract_id) do update set title = excluded.title, method = excluded.method, estimated_value = excluded.estimated_value,
             estimated_currency = excluded.estimated_currency, planned_award_on = excluded.planned_award_on, updated_at = excluded.updated_at`,
          [contractId, projectId, text(event, 'title'), text(event, 'method'), estimate.amount, estimate.currency, date(event, 'plannedAwardDate'), event.time],
        );
        return;
      }
      case 'ContractAwarded': {
        const value = money(event, 'contractValue');
        const contractor = organisation(event, 'contractor');
        const awardDate = date(event, 'awardDate');
        await ensureContract(sql, event, contractId, projectId);
        await sql(
          `update contract_view set contractor_ref = $2, contractor_name = $3, awarded_on = $4, contract_value = $5, contract_currency = $6, status = 'awarded', updated_at = $7
            where contract_id = $1`,
          [contractId, contractor.ref, contractor.name, awardDate, value.amount, value.currency, event.time],
        );
        await recordAward(sql, event, { projectId, contractId, transactionId: contractId, amount: value.amount, currency: value.currency, valueDate: awardDate });
        return;
      }
      case 'ContractVariationApproved': {
        const delta = money(event, 'amountDelta', true);
        const value = money(event, 'contractValue');
        await ensureContract(sql, event, contractId, projectId);
        await sql('update contract_view set contract_value = $2, contract_currency = coalesce(contract_currency, $3), updated_at = $4 where contract_id = $1', [contractId, value.amount, value.currency, event.time]);
        await recordAward(sql, event, {
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
        await ensureContract(sql, event, contractId, projectId);
        await sql('update contract_view set status = $2, updated_at = $3 where contract_id = $1', [contractId, event.type === 'ContractCompleted' ? 'completed' : 'terminated', event.time]);
        return;
      default:
        return;
    }
  },
};

async function ensureContract(sql: Sql, event: PortfolioEvent, contractId: string, projectId: string): Promise<void> {
  await sql(`insert into contract_view (contract_id, project_id, status, updated_at) values ($1, $2, 'planned', $3) on conflict (contract_id) do nothing`, [contractId, projectId, event.time]);
}

async function recordAward(
  sql: Sql,
  event: PortfolioEvent,
  award: { projectId: string; contractId: string; transactionId: string; amount: string; currency: string; valueDate: string },
): Promise<void> {
  await sql(
    `insert into money_movement (event_id, project_id, contract_id, stream_id, stream_version, kind, event_type, transaction_id, amount, currency, value_date, effective_on, recorded_at)
     values ($1, $2, $3, $4, $5, 'award', $6, $7, $8, $9, $10, $11, $12)
     on conflict (event_id) do nothing`,
    [event.eventId, award.projectId, award.contractId, event.streamId, event.streamVersion, event.type, award.transactionId, award.amount, award.currency, award.valueDate, effectiveDateOf(event) ?? award.valueDate, event.time],
  );
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
