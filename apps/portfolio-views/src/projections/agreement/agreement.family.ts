import type { PortfolioEvent } from '@ecab/contracts';
import { decimal, projectOf, text } from '../event-data.js';
import type { Sql, ViewFamily } from '../view-family.js';

/**
 * What a money movement does to the project's committed and disbursed totals: +1 / -1 per column.
 * Funds received are incoming and change neither; a reversal undoes the movement it names with the
 * amount it recorded.
 */
const AGREEMENT_MONEY: Readonly<Record<string, { committed: number; disbursed: number }>> = {
  AgreementCommitmentRecorded: { committed: 1, disbursed: 0 },
  CommitmentAmended: { committed: 1, disbursed: 0 },
  FundsCancelled: { committed: -1, disbursed: 0 },
  AgreementDisbursementRecorded: { committed: 0, disbursed: 1 },
  ExpenditureRecorded: { committed: 0, disbursed: 1 },
};

/** project_financing: a project's committed and disbursed money per currency. */
export const agreementFamily: ViewFamily = {
  name: 'agreement',
  tables: [
    {
      name: 'project_financing',
      ddl: [
        `create table project_financing (
           project_id text not null references project_summary (project_id),
           currency   text not null,
           committed  numeric not null default 0,
           disbursed  numeric not null default 0,
           primary key (project_id, currency)
         )`,
      ],
    },
  ],
  async apply(sql, event) {
    const projectId = projectOf(event);
    if (event.type === 'CommitmentRecorded' || event.type === 'DisbursementRecorded') {
      await addMoney(sql, projectId, text(event, 'currency'), decimal(event, 'amount'), event.type === 'CommitmentRecorded' ? { committed: 1, disbursed: 0 } : { committed: 0, disbursed: 1 });
      return;
    }
    if (event.streamId === `project-${projectId}`) return;
    let effect = AGREEMENT_MONEY[event.type];
    if (event.type === 'TransactionReversed') {
      const reversed = AGREEMENT_MONEY[text(event, 'reversedEventType')];
      effect = reversed ? { committed: -reversed.committed, disbursed: -reversed.disbursed } : undefined;
    }
    if (!effect) return;
    await addMoney(sql, projectId, text(event, 'currency'), decimal(event, 'amount', { signed: true }), effect);
  },
};

async function addMoney(sql: Sql, projectId: string, currency: string, amount: string, effect: { committed: number; disbursed: number }): Promise<void> {
  await sql(
    `insert into project_financing (project_id, currency, committed, disbursed)
     select project_id, $2, $3::numeric * $4, $3::numeric * $5 from project_summary where project_id = $1
     on conflict (project_id, currency) do update
       set committed = project_financing.committed + excluded.committed, disbursed = project_financing.disbursed + excluded.disbursed`,
    [projectId, currency, amount, effect.committed, effect.disbursed],
  );
}
