import type { BatchRows } from '../batch-rows.js';
import { negate, sum } from '../event-data.js';
import type { MovementKind } from './money-movement.js';

/** What a movement under an agreement adds to its project's totals. */
export interface ProjectMoneyMovement {
  projectId: string;
  currency: string;
  amount: string;
  kind: Exclude<MovementKind, 'award'>;
}

/** The project's totals in the currency, and its summary row (its cluster's totals move with them once it is registered). */
export function needProjectMoney(rows: BatchRows, projectId: string, currency: string): void {
  rows.need('project_money', [projectId, currency]);
  rows.need('project_summary', [projectId]);
}

/**
 * A project's running net commitment and funds received per currency (the project profile's figures), and
 * its cluster's (the portfolio summary's) once the project is registered: the summary reads a few rows
 * instead of every movement or every project.
 */
export function addToProjectMoney(rows: BatchRows, movement: ProjectMoneyMovement): void {
  const column = movement.kind === 'disbursement' ? 'disbursed' : movement.kind === 'spending' ? undefined : 'committed';
  if (!column) return;
  const amount = movement.kind === 'cancellation' ? negate(movement.amount) : movement.amount;
  const totals = rows.get<{ committed: string; disbursed: string }>('project_money', [movement.projectId, movement.currency]);
  if (totals) rows.update('project_money', totals, { [column]: sum(totals[column], amount) });
  else rows.put('project_money', { project_id: movement.projectId, currency: movement.currency, committed: '0', disbursed: '0', [column]: amount });
  const project = rows.get<{ cluster: string }>('project_summary', [movement.projectId]);
  if (project) rows.add('cluster_money', { cluster: project.cluster, currency: movement.currency }, { committed: '0', disbursed: '0', [column]: amount });
}

/**
 * A project just registered: what it had before (money recorded under its agreements before its
 * registration reached the views) now counts in its cluster's totals, as later money will.
 */
export function addProjectToClusterMoney(rows: BatchRows, projectId: string, cluster: string): void {
  for (const totals of rows.where<{ currency: string; committed: string; disbursed: string }>('project_money', { project_id: projectId })) {
    rows.add('cluster_money', { cluster, currency: totals.currency }, { committed: totals.committed, disbursed: totals.disbursed });
  }
}
